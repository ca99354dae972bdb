//! Compile-fail tests of the typed API: each file in `tests/ui/` writes a move the
//! standard table does not allow, and must fail to compile with the error in its
//! `.stderr` file. If an illegal method ever appears, its file compiles and this
//! test fails.
//!
//! Regenerate the expected output after a compiler upgrade with
//! `TRYBUILD=overwrite cargo test --test compile_fail`, then read the diff.

#[test]
fn illegal_typed_moves_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
