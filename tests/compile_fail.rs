//! Compile-fail tests of the typed API: `tests/ui/typed_moves.rs` writes, one
//! function each, every move the standard table does not allow (and a foreign
//! state, and a value used after it moved on), and must fail to compile with
//! exactly the errors in its `.stderr` file. If an illegal method ever appears,
//! its error goes missing and this test fails.
//!
//! The cases share one file so that trybuild runs one build (4 s warm; one
//! file a case took 24 s under load). rustc reports every error of the file,
//! borrow-check errors included, since each case is its own function.
//!
//! Regenerate the expected output after a compiler upgrade with
//! `TRYBUILD=overwrite cargo test --test compile_fail`, then read the diff.

#[test]
fn illegal_typed_moves_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
