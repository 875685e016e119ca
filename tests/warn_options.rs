//! `-W` options and PYTHONWARNINGS: pyt's stderr and stdout must equal CPython 3.11's for the
//! same options (compared live against /usr/bin/python3; skipped where it is absent).

use std::path::Path;
use std::process::Command;

const CPYTHON: &str = "/usr/bin/python3";

const SCRIPT: &str = "import sys, warnings
print(sys.warnoptions)
warnings.warn('user')
warnings.warn('dep', DeprecationWarning)
warnings.warn('rt', RuntimeWarning)
print('end')
";

fn run(exe: &str, dir: &Path, opts: &[&str], env: Option<&str>) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(exe);
    cmd.current_dir(dir).args(opts).arg("w.py");
    cmd.env_remove("PYTHONWARNINGS");
    if let Some(e) = env {
        cmd.env("PYTHONWARNINGS", e);
    }
    let out = cmd.output().expect("spawn");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.display()), ""),
        out.status.code(),
    )
}

#[test]
fn warn_options_match_cpython() {
    if !Path::new(CPYTHON).exists() {
        eprintln!("skipped: no {CPYTHON}");
        return;
    }
    let dir = std::env::temp_dir().join(format!("pyt_warn_options_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    std::fs::write(dir.join("w.py"), SCRIPT).expect("script");
    let cases: &[(&[&str], Option<&str>)] = &[
        (&[], None),
        (&["-W", "error::RuntimeWarning"], None),
        (&["-Wignore", "-W", "always::DeprecationWarning"], None),
        (&["-W", "bogus", "-W", "ignore::NoSuchWarning"], None),
        (&["-W", "error:dep"], Some("ignore::UserWarning")),
        (&[], Some("always,ignore:rt")),
    ];
    for (opts, env) in cases {
        let want = run(CPYTHON, &dir, opts, *env);
        let got = run(env!("CARGO_BIN_EXE_pyt"), &dir, opts, *env);
        assert_eq!(got, want, "options {opts:?}, PYTHONWARNINGS {env:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
