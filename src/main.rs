//! The `pyt` binary: everything lives in the library; see `cli`.

fn main() {
    std::process::exit(pyt::cli::main());
}
