use super::*;

fn d(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn a_year_is_a_whole_year_not_its_first_day() {
    let y = d("1983");
    assert_eq!(y.precision(), Precision::Year);
    assert_eq!(y.first_day(), days_from_civil(1983, 1, 1));
    assert_eq!(y.end_day(), days_from_civil(1984, 1, 1));
    assert_ne!(y, d("1983-01-01"));
    assert!(y.contains(&d("1983-12-31")));
    assert!(!y.contains(&d("1984-01")));
    assert!(y.is_exact());
}

#[test]
fn formats_at_its_own_precision() {
    let f = |s: &str| d(s).format_human();
    assert_eq!(f("1983"), "1983");
    assert_eq!(f("2014-09"), "September 2014");
    assert_eq!(f("2014-05-06"), "6 May 2014");
    assert_eq!(f("-0044"), "45 BC");
    assert_eq!(d("2014-05-06").to_iso(), "2014-05-06");
    assert_eq!(d("-0044-03-15").to_iso(), "-0044-03-15");
}

/// A year before AD 1 may be written as short as it is said: the minus says it is no two-digit
/// abbreviation (`83`, still refused, could be 1983 or 83).
#[test]
fn negative_years_need_not_have_four_digits() {
    assert_eq!(d("-500"), d("-0500"));
    assert_eq!(d("-500").format_human(), "501 BC");
    assert_eq!(d("-5").to_iso(), "-0005");
    assert_eq!(d("-44-03-15"), d("-0044-03-15"));
    assert_eq!(d("-44-03").format_human(), "March 45 BC");
    assert_eq!(d("-500~").to_iso(), "-0500~");
    assert_eq!(d("-12345").to_iso(), "Y-12345");
    for bad in ["-", "--5", "-5x", "-5-3", "-5-", "500", "-50X"] {
        assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
    }
    assert!(matches!(
        PartialDate::parse("-44-13"),
        Err(DateError::Month(_))
    ));
}

#[test]
fn uncertain_dates_say_so_in_words() {
    let f = |s: &str| d(s).format_human();
    assert_eq!(f("2004~"), "circa 2004");
    assert_eq!(f("2004?"), "2004 (uncertain)");
    assert_eq!(f("2004%"), "circa 2004 (uncertain)");
    assert_eq!(f("2004-06~"), "circa June 2004");
    assert_eq!(f("2004-06-11?"), "11 June 2004 (uncertain)");
    assert_eq!(f("199X"), "the 1990s");
    assert_eq!(f("200X~"), "circa the 2000s");
    assert_eq!(f("19XX"), "the 20th century");
    assert_eq!(f("20XX"), "the 21st century");
    assert_eq!(f("1XXX"), "the 2nd millennium");
    assert_eq!(f("000X"), "1 BC – AD 9");
    assert_eq!(f("2004-XX"), "2004 (month unknown)");
    assert_eq!(f("2004-XX-XX"), "2004 (month and day unknown)");
    assert_eq!(f("1985-04-XX"), "April 1985 (day unknown)");
    assert_eq!(f("2001-21"), "Spring 2001");
    assert_eq!(f("2005-24"), "Winter 2005–2006");
    assert_eq!(f("Y170000"), "170000");
}

#[test]
fn approximate_dates_widen_by_one_unit_of_their_precision() {
    let days = |s: &str| d(s).possible_days();
    let day = |y, m, dd| days_from_civil(y, m, dd);
    assert_eq!(days("2005~"), (day(2004, 1, 1), day(2007, 1, 1)));
    assert_eq!(d("2005~").stated_days(), (day(2005, 1, 1), day(2006, 1, 1)));
    assert_eq!(days("2004-01~"), (day(2003, 12, 1), day(2004, 3, 1)));
    assert_eq!(days("2004-12-31%"), (day(2004, 12, 30), day(2005, 1, 2)));
    assert_eq!(days("2004?"), (day(2004, 1, 1), day(2005, 1, 1)));
    assert_eq!(days("199X"), (day(1990, 1, 1), day(2000, 1, 1)));
    assert_eq!(days("199X~"), (day(1980, 1, 1), day(2010, 1, 1)));
    assert_eq!(days("19XX"), (day(1900, 1, 1), day(2000, 1, 1)));
    assert_eq!(days("2004-XX"), (day(2004, 1, 1), day(2005, 1, 1)));
    assert_eq!(days("1985-04-XX"), (day(1985, 4, 1), day(1985, 5, 1)));
    assert_eq!(days("2001-21"), (day(2001, 3, 1), day(2001, 6, 1)));
    assert_eq!(days("2005-24"), (day(2005, 12, 1), day(2006, 3, 1)));
    assert_eq!(days("2005-24~"), (day(2005, 9, 1), day(2006, 6, 1)));
    assert!(d("2005~").is_approximate() && !d("2005~").is_uncertain());
    assert!(d("2005?").is_uncertain() && !d("2005?").is_approximate());
    assert!(d("2005%").is_uncertain() && d("2005%").is_approximate());
    assert_eq!(d("199X").unspecified(), Unspecified::Decade);
    assert_eq!(d("199X").year_number(), 1990);
    assert_eq!(d("2004-XX").precision(), Precision::Year);
    assert_eq!(d("2004-XX").month_number(), None);
    assert_eq!(d("2001-21").season_of_year(), Some(Season::Spring));
    assert!(!d("199X").is_exact() && !d("2004?").is_exact());
}

#[test]
fn orders_chronologically_coarser_first() {
    let mut v: Vec<PartialDate> = ["2014-05-06", "2014", "2013-12", "2014-05", "1983"]
        .iter()
        .map(|s| d(s))
        .collect();
    v.sort();
    let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
    assert_eq!(iso, ["1983", "2013-12", "2014", "2014-05", "2014-05-06"]);
    // By the day it states: circa 2005 among 2005 (though it may be 2004), just before it.
    let mut v: Vec<PartialDate> = ["2005", "2004-06", "2005~", "200X", "2004?"]
        .iter()
        .map(|s| d(s))
        .collect();
    v.sort();
    let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
    assert_eq!(iso, ["200X", "2004?", "2004-06", "2005~", "2005"]);
    assert_ne!(d("2004?").cmp(&d("2004")), Ordering::Equal);
    // Starting the same day, the longer time first: the 1990s before 1990 (as the README
    // says; 1990 came first), some month of 1990 before January, a season before its month.
    let mut v: Vec<PartialDate> = [
        "1990-01-01",
        "1990-01",
        "1990",
        "1990-XX",
        "199X",
        "19XX",
        "2001-03",
        "2001-21",
    ]
    .iter()
    .map(|s| d(s))
    .collect();
    v.sort();
    let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
    assert_eq!(
        iso,
        [
            "19XX",
            "199X",
            "1990",
            "1990-XX",
            "1990-01",
            "1990-01-01",
            "2001-21",
            "2001-03"
        ]
    );
}

#[test]
fn refuses_what_is_not_a_date_with_the_reason() {
    for bad in [
        "",
        "83",
        "19x4",
        "1983-1",
        "1983-13",
        "1983-00",
        "2019-02-29",
        "1983-01-01-01",
        "1983/01",
        "1X9X",
        "-199X",
        "XXXX",
        "199X-05",
        "2004-XX-05",
        "2001-25",
        "2001-21-05",
        "2004~~",
        "~",
        "Y1234",
        "Y12a45",
    ] {
        assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
    }
    assert!(matches!(
        PartialDate::parse("1983-13"),
        Err(DateError::Month(_))
    ));
    assert!(matches!(
        PartialDate::parse("2019-02-29"),
        Err(DateError::Day(_))
    ));
    assert!(PartialDate::parse("2020-02-29").is_ok());
    assert!(PartialDate::parse("12345").is_ok());
    assert!(matches!(
        PartialDate::parse("99999999"),
        Err(DateError::Year(_))
    ));
    assert!(matches!(
        PartialDate::parse("Y99999999"),
        Err(DateError::Year(_))
    ));
    assert!(PartialDate::parse("19x4")
        .unwrap_err()
        .to_string()
        .contains("'19x4' is not a date"));
    // The message says how to write a year before AD 1, which no four-digit pattern shows.
    assert!(PartialDate::parse("500 BC")
        .unwrap_err()
        .to_string()
        .contains("(-500 for 501 BC)"));
}

#[test]
fn month_ends_roll_over_the_year() {
    let dec = d("2014-12");
    assert_eq!(dec.end_day(), days_from_civil(2015, 1, 1));
    let feb = d("2016-02");
    assert_eq!(feb.end_day() - feb.first_day(), 29);
}

#[test]
fn long_years_are_written_with_edtf_s_letter() {
    assert_eq!(d("12345").to_iso(), "Y12345");
    assert_eq!(d("Y12345"), d("12345"));
    assert_eq!(d("Y-170000~").to_iso(), "Y-170000~");
    assert_eq!(d("12345-06").to_iso(), "12345-06");
}

#[test]
fn serde_round_trip_keeps_precision() {
    let d: PartialDate = serde_json::from_str("\"2014-09\"").unwrap();
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"2014-09\"");
    assert!(serde_json::from_str::<PartialDate>("\"2014-9\"").is_err());
    let d: PartialDate = serde_json::from_str("\"199X~\"").unwrap();
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"199X~\"");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::super::*;
    use proptest::prelude::*;

    /// Every EDTF level 1 form of one date, as its canonical text.
    fn level_1_text() -> impl Strategy<Value = String> {
        let q = "[?~%]?";
        let forms = [
            format!("-?(0[0-9]{{2}}[1-9]|[1-9][0-9]{{3}})(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?{q}"),
            format!("[0-9]{{3}}X{q}"),
            format!("[0-9]{{2}}XX{q}"),
            format!("[0-9]XXX{q}"),
            format!("[0-9]{{4}}-XX(-XX)?{q}"),
            format!("[0-9]{{4}}-(0[1-9]|1[0-2])-XX{q}"),
            format!("(0[0-9]{{2}}[1-9]|[1-9][0-9]{{3}})-2[1-4]{q}"),
            format!("Y-?[1-9][0-9]{{4,5}}{q}"),
        ];
        let strategies: Vec<_> = forms
            .iter()
            .map(|f| {
                proptest::string::string_regex(f)
                    .expect("a valid pattern")
                    .boxed()
            })
            .collect();
        proptest::strategy::Union::new(strategies)
    }

    proptest! {
        #[test]
        fn civil_days_round_trip(days in -800_000_000i64..800_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }

        #[test]
        fn iso_round_trips(year in -9999i32..99999, month in 1u8..=12, day in 1u8..=28, p in 0..3) {
            let date = match p {
                0 => PartialDate::year(year).unwrap(),
                1 => PartialDate::month(year, month).unwrap(),
                _ => PartialDate::day(year, month, day).unwrap(),
            };
            prop_assert_eq!(PartialDate::parse(&date.to_iso()).unwrap(), date);
            prop_assert!(date.first_day() < date.end_day());
        }

        #[test]
        fn plain_dates_are_unchanged(year in 0i32..9999, month in 1u8..=12, day in 1u8..=28, p in 0..3) {
            let text = match p {
                0 => format!("{year:04}"),
                1 => format!("{year:04}-{month:02}"),
                _ => format!("{year:04}-{month:02}-{day:02}"),
            };
            let date = PartialDate::parse(&text).unwrap();
            prop_assert_eq!(date.to_iso(), text);
            prop_assert!(date.is_exact());
            prop_assert_eq!(date.stated_days(), date.possible_days());
            prop_assert_eq!(date.first_day(), days_from_civil(year, if p > 0 { month } else { 1 }, if p > 1 { day } else { 1 }));
        }

        #[test]
        fn every_level_1_form_round_trips_with_ordered_bounds(text in level_1_text()) {
            let date = PartialDate::parse(&text).unwrap();
            // format ∘ parse = id on the text, parse ∘ format = id on the value.
            prop_assert_eq!(&date.to_iso(), &text);
            prop_assert_eq!(PartialDate::parse(&date.to_iso()).unwrap(), date);
            let (stated_first, stated_end) = date.stated_days();
            prop_assert!(date.first_day() <= stated_first);
            prop_assert!(stated_first < stated_end);
            prop_assert!(stated_end <= date.end_day());
            prop_assert!(date.first_day() <= date.mid_day() as i64 && date.mid_day() <= date.end_day() as f64);
            prop_assert_eq!(date.is_approximate(), text.ends_with('~') || text.ends_with('%'));
            prop_assert!(!date.format_human().is_empty());
        }

        #[test]
        fn parsing_any_text_never_panics(s in "\\PC{0,24}") {
            let _ = PartialDate::parse(&s);
        }
    }
}

/// A date as a spreadsheet writes it, day or month first, is said with the way to write it.
#[test]
fn a_spreadsheet_s_date_is_refused_with_how_to_write_it() {
    let said = |s: &str| PartialDate::parse(s).unwrap_err().to_string();
    assert_eq!(
        said("15.10.1997"),
        "'15.10.1997' is not a date: write it 1997-10-15 (YYYY-MM-DD)"
    );
    assert_eq!(
        said("10/15/1997"),
        "'10/15/1997' is not a date: write it 1997-10-15 (YYYY-MM-DD)"
    );
    assert_eq!(
        said("1997/10/15"),
        "'1997/10/15' is not a date: write it 1997-10-15 (YYYY-MM-DD)"
    );
    assert_eq!(
        said("05/04/1997"),
        "'05/04/1997' is not a date: write it YYYY-MM-DD: 1997-04-05 if 5 is the day, 1997-05-04 if it is the month"
    );
    assert_eq!(
        said("4.4.2004"),
        "'4.4.2004' is not a date: write it 2004-04-04 (YYYY-MM-DD)"
    );
    // A day its month does not have is no reading: 31 February, 29 February 1997, 31 April.
    assert_eq!(
        said("30.04.1997"),
        "'30.04.1997' is not a date: write it 1997-04-30 (YYYY-MM-DD)"
    );
    assert_eq!(
        said("29/02/1996"),
        "'29/02/1996' is not a date: write it 1996-02-29 (YYYY-MM-DD)"
    );
    for s in ["31.02.1997", "29/02/1997", "31/04/1997", "1997/02/30"] {
        assert!(
            said(s).contains("expected YYYY, YYYY-MM or YYYY-MM-DD"),
            "{s}"
        );
    }
    // Not such a date: the forms a date may take.
    assert!(said("40.40.1997").contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
    assert!(said("soon").contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
}
