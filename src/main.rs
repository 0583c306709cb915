//! The `carepath` command: a thin shell over the core for validation, export and reports in
//! documentation pipelines. Data goes to stdout, diagnostics to stderr. Exit codes: 0 done,
//! 1 validation found errors, 2 the command could not be carried out.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("carepath: error: {e}");
            ExitCode::from(2)
        }
    }
}
