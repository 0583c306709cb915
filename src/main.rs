//! The `carepath` command: a thin shell over the core for validation, export and reports in
//! documentation pipelines. Data goes to stdout, diagnostics to stderr. Exit codes: 0 done,
//! 1 validation found errors, 2 the command could not be carried out. (The commands live in
//! the library's [`carepath::cli`], so the desktop app can run them too.)

/// mimalloc: a general-purpose allocator faster than glibc's for the layout's many small
/// allocations (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    carepath::cli::main(std::env::args_os())
}
