//! The `time` module: clocks, interruptible `sleep`, and calendar conversions through the C
//! library (`localtime_r`, `gmtime_r`, `mktime`, `strftime`) so local time honours the
//! machine's TZ. `struct_time` itself is a small Python class in `py/time.py`; the native
//! helpers here return plain 11-tuples (the 9 fields, then tm_zone and tm_gmtoff).

use super::util::{pos, python_module, to_f64, to_i64};
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;
use std::time::Duration;

/// Longest uninterrupted nap of `sleep`: signal handlers (Ctrl-C's KeyboardInterrupt) must run
/// promptly in the main thread.
const SLEEP_SLICE: Duration = Duration::from_millis(50);

/// Shortest `sleep` published to thread dumps (seconds).
const SLEEP_PUBLISH_MIN: f64 = 0.001;

/// Largest strftime result we accept (CPython grows its buffer similarly; beyond this the
/// format is surely runaway).
const STRFTIME_MAX: usize = 1 << 16;

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = to_f64(pos(&args, 0, "sleep")?).map_err(|_| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.pos[0].type_name()
        ))
    })?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if secs > 1e12 {
        return Err(PyErr::overflow_error("sleep length is too large"));
    }
    let deadline = std::time::Instant::now() + Duration::from_secs_f64(secs);
    // Published for thread dumps; a very short nap is not (a dump sees that thread at its next
    // poll anyway), so `sleep(0)` in a spin loop takes no registry lock.
    let _sleeping = (secs >= SLEEP_PUBLISH_MIN)
        .then(|| super::deadlock::begin_sleep(vm, "sleeping in time.sleep", Some(deadline)));
    loop {
        // A handler that returns lets the sleep go on for the time left (PEP 475).
        crate::vm::check_signals(vm)?;
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(Value::None);
        }
        std::thread::sleep((deadline - now).min(SLEEP_SLICE));
    }
}

fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; clock_gettime only writes into it.
    unsafe { libc::clock_gettime(id, &mut ts) };
    (ts.tv_sec, ts.tv_nsec)
}

fn secs(id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    Value::Float(s as f64 + ns as f64 * 1e-9)
}

fn nanos(id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    Value::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns)
}

fn time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_REALTIME))
}
fn time_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_REALTIME))
}
fn monotonic(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_MONOTONIC))
}
fn monotonic_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_MONOTONIC))
}
fn process_time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_PROCESS_CPUTIME_ID))
}
fn process_time_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_PROCESS_CPUTIME_ID))
}
fn thread_time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(secs(libc::CLOCK_THREAD_CPUTIME_ID))
}
fn thread_time_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(nanos(libc::CLOCK_THREAD_CPUTIME_ID))
}

fn empty_tm() -> libc::tm {
    // SAFETY: libc::tm is plain old data; all-zero (with a null tm_zone) is a valid value.
    unsafe { std::mem::zeroed() }
}

/// Seconds since the epoch from an optional argument (None or missing = now).
fn epoch_arg(args: &Args) -> PyResult<libc::time_t> {
    match args.pos.first() {
        None | Some(Value::None) => Ok(clock(libc::CLOCK_REALTIME).0),
        Some(v) => {
            let f = to_f64(v)?;
            if !f.is_finite() || f.abs() > 1e17 {
                return Err(PyErr::overflow_error(
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.floor() as libc::time_t)
        }
    }
}

fn tm_to_tuple(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: a non-null tm_zone set by localtime_r/gmtime_r points at a static C string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Value::tuple(vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        Value::str(zone),
        Value::Int(tm.tm_gmtoff),
    ])
}

pub(crate) fn local_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: both pointers are valid for the call; localtime_r is the thread-safe variant.
    let r = unsafe {
        tzset();
        libc::localtime_r(&t, &mut tm)
    };
    if r.is_null() {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm)
}

fn localtime(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(tm_to_tuple(&local_tm(epoch_arg(&args)?)?))
}

fn gmtime(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(tm_to_tuple(&gm_tm(epoch_arg(&args)?)?))
}

pub(crate) fn gm_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: both pointers are valid for the call; gmtime_r is the thread-safe variant.
    let r = unsafe { libc::gmtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm)
}

/// A C `struct tm` from the 9 fields of a time tuple (plus optional zone and offset).
fn tuple_to_tm(
    vm: &mut Vm,
    v: &Value,
    fname: &str,
) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    let items = vm.collect(v)?;
    if items.len() < 9 {
        return Err(PyErr::type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = to_i64(item)?;
    }
    let c = |x: i64| x.clamp(i32::MIN as i64, i32::MAX as i64) as libc::c_int;
    let mut tm = empty_tm();
    tm.tm_year = c(f[0] - 1900);
    tm.tm_mon = c(f[1] - 1);
    tm.tm_mday = c(f[2]);
    tm.tm_hour = c(f[3]);
    tm.tm_min = c(f[4]);
    tm.tm_sec = c(f[5]);
    tm.tm_wday = c((f[6] + 1) % 7);
    tm.tm_yday = c(f[7] - 1);
    tm.tm_isdst = c(f[8]);
    let mut zone = None;
    if let Some(Value::Str(z)) = items.get(9) {
        zone = std::ffi::CString::new(z.as_str()).ok();
    }
    if let Some(off) = items.get(10) {
        tm.tm_gmtoff = to_i64(off).unwrap_or(0);
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

fn mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mut tm, _zone) = tuple_to_tm(vm, pos(&args, 0, "mktime")?, "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: tm is a valid struct tm; mktime reads and normalises it in place.
    let t = unsafe {
        tzset();
        libc::mktime(&mut tm)
    };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = match pos(&args, 0, "strftime")? {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "strftime() argument 1 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let (tm, _zone) = match args.pos.get(1) {
        Some(t) => tuple_to_tm(vm, t, "strftime")?,
        None => (local_tm(clock(libc::CLOCK_REALTIME).0)?, None),
    };
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    strftime_tm(&fmt, &tm).map(Value::str)
}

/// C `strftime` of `fmt` over `tm`, with CPython's growing buffer (an empty result when
/// even the largest buffer is too small).
pub(crate) fn strftime_tm(fmt: &str, tm: &libc::tm) -> PyResult<String> {
    let cfmt =
        std::ffi::CString::new(fmt).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut size = 256usize;
    while size <= STRFTIME_MAX {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` writable bytes; cfmt and tm are valid for the call.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                tm,
            )
        };
        if n > 0 || size >= fmt.len() * 64 {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 4;
    }
    Ok(String::new())
}

extern "C" {
    /// POSIX `tzset` (not exported by the libc crate): re-reads TZ before local conversions.
    fn tzset();
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// CPython's `asctime` layout: `Sun Nov 22 05:31:20 2026` (day padded to 2 with a space).
fn format_asctime(vm: &mut Vm, t: &Value) -> PyResult<String> {
    let items = vm.collect(t)?;
    if items.len() < 9 {
        return Err(PyErr::type_error("asctime(): illegal time tuple argument"));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = to_i64(item)?;
    }
    let day = DAYS
        .get(f[6].rem_euclid(7) as usize)
        .copied()
        .unwrap_or("???");
    let mon = MONTHS
        .get((f[1] - 1).clamp(0, 11) as usize)
        .copied()
        .unwrap_or("???");
    Ok(format!(
        "{day} {mon} {:>2} {:02}:{:02}:{:02} {}",
        f[2], f[3], f[4], f[5], f[0]
    ))
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = match args.pos.first() {
        Some(t) => t.clone(),
        None => tm_to_tuple(&local_tm(clock(libc::CLOCK_REALTIME).0)?),
    };
    Ok(Value::str(format_asctime(vm, &t)?))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = tm_to_tuple(&local_tm(epoch_arg(&args)?)?);
    Ok(Value::str(format_asctime(vm, &t)?))
}

/// `timezone`, `altzone`, `daylight`, `tzname` as CPython's `init_timezone` computes them:
/// from the local offsets of January 1st and July 1st of this year.
fn timezone_info(m: &Module) {
    let now = clock(libc::CLOCK_REALTIME).0;
    let year_start = (now / 31_556_952) * 31_556_952;
    let jan = local_tm(year_start).ok();
    let jul = local_tm(year_start + 183 * 86_400).ok();
    let zone = |tm: &Option<libc::tm>| -> (i64, String) {
        match tm {
            Some(tm) => {
                let name = if tm.tm_zone.is_null() {
                    String::new()
                } else {
                    // SAFETY: tm_zone set by localtime_r points at a static C string.
                    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                        .to_string_lossy()
                        .into_owned()
                };
                (-tm.tm_gmtoff, name)
            }
            None => (0, "UTC".into()),
        }
    };
    let (janoff, janname) = zone(&jan);
    let (juloff, julname) = zone(&jul);
    let (tz, alt, std_name, dst_name) = if janoff < juloff {
        // Southern hemisphere: DST in January.
        (juloff, janoff, julname, janname)
    } else {
        (janoff, juloff, janname, julname)
    };
    m.set("timezone", Value::Int(tz));
    m.set("altzone", Value::Int(alt));
    m.set("daylight", Value::Int((janoff != juloff) as i64));
    m.set(
        "tzname",
        Value::tuple(vec![Value::str(std_name), Value::str(dst_name)]),
    );
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = python_module(
        vm,
        "time",
        &[
            ("sleep", sleep),
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("_localtime", localtime),
            ("_gmtime", gmtime),
            ("mktime", mktime),
            ("_strftime", strftime),
            ("_asctime", asctime),
            ("ctime", ctime),
            ("_tuple_new", super::util::tuple_new),
        ],
        include_str!("py/time.py"),
    )?;
    timezone_info(&m);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmtime_epoch_is_1970() {
        let mut tm = empty_tm();
        let t: libc::time_t = 0;
        // SAFETY: valid pointers for the call.
        unsafe { libc::gmtime_r(&t, &mut tm) };
        assert_eq!(tm.tm_year, 70);
    }

    #[test]
    fn clocks_are_monotonic() {
        let (a, an) = clock(libc::CLOCK_MONOTONIC);
        let (b, bn) = clock(libc::CLOCK_MONOTONIC);
        assert!((b, bn) >= (a, an));
    }
}
