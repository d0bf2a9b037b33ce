//! The proleptic Gregorian calendar: days since 1970, month lengths and names.

/// Years beyond this are refused: far beyond any chronology, and it keeps day arithmetic exact.
pub const MAX_ABS_YEAR: i32 = 1_000_000;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Short month names for axis labels.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The full English name of a month (1–12).
pub fn month_name(month: u8) -> &'static str {
    MONTH_NAMES[(month.clamp(1, 12) - 1) as usize]
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day counted from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// The first day of a year (years as i64 so that widening never overflows).
pub(super) fn year_start(year: i64) -> i64 {
    days_from_civil(year as i32, 1, 1)
}

/// The first day of a month counted as `year * 12 + (month - 1)`.
pub(super) fn month_start(index: i64) -> i64 {
    days_from_civil(
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
        1,
    )
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
pub(super) fn ordinal(n: i64) -> String {
    format!("{n}{}", ordinal_suffix(n))
}

/// The ending of `n` as an ordinal: "st", "nd", "rd" or "th" ("11th", "21st").
pub fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}
