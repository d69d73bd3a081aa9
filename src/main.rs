fn main() {
    std::process::exit(gorch::run());
}
