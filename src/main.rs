fn main() {
    eprintln!("pyt: not yet runnable");
    std::process::exit(2);
}
