//! `tnl-fuzz`: mutated fixtures through every reader of tnl, on stable Rust.
//!
//! ```text
//! cargo run -p tnl-fuzz -- [--seconds 60] [--runs N] [--seed 1] [--reader NAME] [--hang-seconds 60]
//! ```
//!
//! The time budget is shared equally by the readers (`--reader` keeps one); `--runs` caps each
//! reader's runs instead of, or as well as, the time. Prints runs, inputs read and crashes per
//! reader; exits 1 when anything crashed or hung, after saving the input under
//! `tests/fuzz-regressions/`.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tnl_fuzz::{mutate::mutate, regression_name, regressions_dir, run_caught, Reader, Rng, Seeds, Tally};

/// The command line.
struct Options {
    seconds: u64,
    runs: Option<u64>,
    seed: u64,
    readers: Vec<Reader>,
    hang_seconds: u64,
}

fn usage(message: &str) -> ! {
    let _ = writeln!(
        std::io::stderr(),
        "error: {message}\nusage: tnl-fuzz [--seconds S] [--runs N] [--seed N] [--reader NAME] [--hang-seconds S]\n  readers: {}",
        Reader::ALL.map(Reader::name).join(", ")
    );
    std::process::exit(2)
}

fn options() -> Options {
    let mut o = Options {
        seconds: 60,
        runs: None,
        seed: 1,
        readers: Reader::ALL.to_vec(),
        hang_seconds: 60,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        let number = |v: String| {
            v.parse::<u64>()
                .unwrap_or_else(|_| usage(&format!("{v} is not a number")))
        };
        match flag.as_str() {
            "--seconds" => o.seconds = number(value()),
            "--runs" => o.runs = Some(number(value())),
            "--seed" => o.seed = number(value()),
            "--hang-seconds" => o.hang_seconds = number(value()).max(1),
            "--reader" => {
                let name = value();
                o.readers = vec![Reader::from_name(&name).unwrap_or_else(|| usage(&format!("unknown reader {name}")))];
            }
            other => usage(&format!("unknown argument {other}")),
        }
    }
    o
}

/// The input being run, for the watchdog to save if it never returns.
struct Current {
    reader: Reader,
    bytes: Vec<u8>,
}

/// Saves a crashing or hanging input; returns where.
fn save(reader: Reader, bytes: &[u8]) -> String {
    let dir = regressions_dir();
    let path = dir.join(regression_name(reader, bytes));
    let _ = std::fs::create_dir_all(&dir);
    match std::fs::write(&path, bytes) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}

/// Ends the process when one input runs longer than `limit`: a hang (an endless loop, or work
/// out of all proportion to the input). A guard with a generous limit, checked once a second.
fn watchdog(progress: Arc<AtomicU64>, current: Arc<Mutex<Option<Current>>>, limit: Duration) {
    std::thread::spawn(move || {
        let (mut seen, mut since) = (progress.load(Ordering::Relaxed), Instant::now());
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = progress.load(Ordering::Relaxed);
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if since.elapsed() > limit {
                let saved = match current.lock().map(|c| c.as_ref().map(|c| save(c.reader, &c.bytes))) {
                    Ok(Some(path)) => path,
                    _ => "(no input)".to_owned(),
                };
                let _ = writeln!(
                    std::io::stderr(),
                    "hang: one input ran over {} s; saved as {saved}",
                    limit.as_secs()
                );
                std::process::exit(1);
            }
        }
    });
}

fn main() {
    let o = options();
    let Some(ctx) = tnl_fuzz::targets::Context::load() else {
        usage("the shipped editions, catalogue or test fixtures could not be loaded")
    };
    let seeds = Seeds::load(&tnl_fuzz::repo_root());
    // Panics are expected and counted: their messages go in the summary, not on stderr.
    let last_panic: Arc<Mutex<Option<String>>> = Arc::default();
    let hook_panic = Arc::clone(&last_panic);
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut p) = hook_panic.lock() {
            *p = Some(info.to_string());
        }
    }));
    let progress = Arc::new(AtomicU64::new(0));
    let current: Arc<Mutex<Option<Current>>> = Arc::default();
    watchdog(
        Arc::clone(&progress),
        Arc::clone(&current),
        Duration::from_secs(o.hang_seconds),
    );

    let share = Duration::from_secs(o.seconds) / o.readers.len() as u32;
    let mut tallies: Vec<(Reader, Tally)> = Vec::new();
    let mut crashes: Vec<String> = Vec::new();
    for &reader in &o.readers {
        let own = seeds.of(reader);
        // Each reader has its own sequence, so that `--reader` replays the same inputs.
        let mut rng = Rng::new(o.seed ^ (reader as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let mut tally = Tally::default();
        let start = Instant::now();
        while start.elapsed() < share && o.runs.is_none_or(|n| tally.runs < n) {
            let seed = &own[rng.below(own.len())];
            let other = &seeds.all[rng.below(seeds.all.len())];
            let input = mutate(&mut rng, seed, other);
            if let Ok(mut c) = current.lock() {
                *c = Some(Current {
                    reader,
                    bytes: input.clone(),
                });
            }
            match run_caught(reader, &input, &ctx) {
                Ok(read) => tally.read += u64::from(read),
                Err(message) => {
                    tally.crashes += 1;
                    let detail = last_panic.lock().ok().and_then(|mut p| p.take()).unwrap_or(message);
                    crashes.push(format!(
                        "{}: {detail}\n  saved as {}",
                        reader.name(),
                        save(reader, &input)
                    ));
                }
            }
            tally.runs += 1;
            progress.fetch_add(1, Ordering::Relaxed);
        }
        tallies.push((reader, tally));
    }

    let mut out = format!("fuzz (seed {}):\n", o.seed);
    let mut total = Tally::default();
    for (reader, t) in &tallies {
        out.push_str(&format!(
            "  {:<10} {:>8} runs {:>8} read {:>4} crashes\n",
            reader.name(),
            t.runs,
            t.read,
            t.crashes
        ));
        total.runs += t.runs;
        total.read += t.read;
        total.crashes += t.crashes;
    }
    out.push_str(&format!(
        "  {:<10} {:>8} runs {:>8} read {:>4} crashes\n",
        "total", total.runs, total.read, total.crashes
    ));
    for c in &crashes {
        out.push_str(&format!("crash: {c}\n"));
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    if total.crashes > 0 {
        std::process::exit(1);
    }
}
