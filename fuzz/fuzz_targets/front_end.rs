//! Fuzz target: arbitrary bytes through the whole front end (lexer → parser → compiler).
//!
//! The bytes are decoded lossily, as a source file with a stray invalid byte would be after
//! the CLI's own UTF-8 check. A compile error is also rendered (both styles), since the report
//! is part of every bad input's path. The only failure libFuzzer reports is a panic, an abort or a
//! native stack overflow, because every input must end in `Ok` or a `Diagnostic`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyt::compiler::Mode;
use pyt::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let src = SourceFile::new("<fuzz>", text);
    if let Err(diag) = pyt::compile_source(&src, Mode::Exec) {
        // The report is part of the path every bad input takes: spans must stay renderable.
        let _ = pyt::diagnostics::render::render(&diag, &src, false);
        let _ = pyt::diagnostics::render::render_cpython_style(&diag, &src);
        // A script that fails as Python 3 is read again in Python 2 compatibility mode.
        if let Err(diag) = pyt::compile_file(&src, true) {
            let _ = pyt::diagnostics::render::render(&diag, &src, false);
        }
    }
    // The REPL and `eval` parse the same text through their own entry points.
    let _ = pyt::compile_source(&src, Mode::Interactive);
    let _ = pyt::parser::parse_expression(&src);
});
