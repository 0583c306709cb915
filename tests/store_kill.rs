//! Never lose an accepted edit: a child process applies edits in a loop and prints
//! "accepted ..." after each `apply` returns; the parent kills it with SIGKILL at a random
//! moment, again and again on the same file, then reopens the file and checks that it opens
//! and holds every edit the child reported as accepted (and at most one more per kill: the
//! edit in flight may have committed before it could be reported).
//!
//! The child is this test binary run again on `kill_child_edits_until_killed`, told by an
//! environment variable which file to edit; without it that test does nothing.

use carepath::edit::Edit;
use carepath::model::*;
use carepath::store::{read, Session};
use rand::Rng;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "CAREPATH_KILL_CHILD";
const ROUNDS: usize = 25;

/// In the child: opens the file and adds steps (every third with a transition from the
/// previous one, as a batch) until killed, reporting each accepted edit.
#[test]
fn kill_child_edits_until_killed() {
    let Ok(path) = std::env::var(CHILD_ENV) else { return };
    let mut out = std::io::stdout().lock();
    // the harness has written "test ... " without a line end
    writeln!(out).unwrap();
    let mut s = match Session::open(Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            writeln!(out, "open-failed {:?} {}", e.code, e.message).unwrap();
            return;
        }
    };
    writeln!(out, "opened {}", s.document().step_count()).unwrap();
    let v = s.document().variants[0].id;
    let mut previous: Option<StepId> = None;
    for n in 0.. {
        let step = Step::new(StepKind::Activity, format!("steg {n}"), None, None);
        let id = step.id;
        let (edit, transition) = match previous {
            Some(from) if n % 3 == 0 => {
                let t = Transition::new(from, id, "");
                let tid = t.id;
                let e = Edit::batch("steg og overgang", vec![Edit::AddStep { variant: v, step }, Edit::AddTransition { variant: v, transition: t }]);
                (e, Some(tid))
            }
            _ => (Edit::AddStep { variant: v, step }, None),
        };
        s.apply(edit).expect("the edit is accepted");
        let t = transition.map_or("-".to_string(), |t| t.to_string());
        writeln!(out, "accepted {id} {t}").unwrap();
        out.flush().unwrap();
        previous = Some(id);
    }
}

struct Accepted {
    step: StepId,
    transition: Option<TransitionId>,
}

/// Runs one child for about `life` and kills it; returns what it reported.
fn run_and_kill(path: &Path, life: Duration) -> (bool, Vec<Accepted>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "kill_child_edits_until_killed", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>());
    std::thread::sleep(life);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let lines = reader.join().unwrap();
    let mut opened = false;
    let mut accepted = Vec::new();
    for line in &lines {
        if let Some(rest) = line.strip_prefix("open-failed ") {
            panic!("the file did not open after a kill: {rest}");
        }
        opened |= line.starts_with("opened ");
        if let Some(rest) = line.strip_prefix("accepted ") {
            let (step, t) = rest.split_once(' ').unwrap();
            accepted.push(Accepted { step: step.parse().unwrap(), transition: t.parse().ok() });
        }
    }
    (opened, accepted)
}

#[test]
fn every_accepted_edit_survives_sigkill() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("drept.carepath");
    let initial = carepath::sample::generate(100);
    let initial_steps = initial.step_count();
    drop(Session::create(&path, initial).unwrap());

    let mut rng = rand::rng();
    let mut all = Vec::new();
    let mut opened_rounds = 0;
    for _ in 0..ROUNDS {
        let life = Duration::from_millis(rng.random_range(20..400));
        let (opened, accepted) = run_and_kill(&path, life);
        opened_rounds += opened as usize;
        all.extend(accepted);
    }
    assert!(opened_rounds >= ROUNDS / 2, "most children got as far as editing ({opened_rounds} of {ROUNDS})");
    assert!(all.len() > 100, "the children made edits ({})", all.len());

    let s = Session::open(&path).expect("the file opens after every kill");
    let v = &s.document().variants[0];
    for a in &all {
        assert!(v.step(a.step).is_some(), "accepted step {} is in the file", a.step);
        if let Some(t) = a.transition {
            assert!(v.transition(t).is_some(), "accepted transition {t} is in the file");
        }
    }
    let done = s.history().done.len();
    // history holds every accepted edit, up to the undo limit
    let limit = carepath::edit::HISTORY_LIMIT;
    assert!(done >= all.len().min(limit) && done <= (all.len() + ROUNDS).min(limit), "history holds {done} edits for {} accepted", all.len());
    let added = v.step_count() - initial_steps;
    assert!(added >= all.len() && added <= all.len() + ROUNDS, "{added} steps added for {} accepted", all.len());
    assert_eq!(carepath::export::json::to_json(&read(&path).unwrap()), carepath::export::json::to_json(s.document()));
    eprintln!("{} accepted edits over {ROUNDS} kills in {:?}", all.len(), started.elapsed());
}
