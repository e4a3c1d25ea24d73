// Tests for the calendar arithmetic under the datetime module
// (stdlib/datetime_date.cpp): ordinals and dates convert both ways for every
// day of years 1..9999, and the ISO week helpers agree with the week rules.
#include <gtest/gtest.h>

#include "stdlib/datetime.hpp"

namespace gilt {
namespace {

TEST(DateTimeCalendar, OrdinalRoundTripsEveryDay) {
    int64_t ord = 1;
    for (int y = kMinYear; y <= kMaxYear; ++y) {
        for (int m = 1; m <= 12; ++m) {
            for (int d = 1; d <= days_in_month(y, m); ++d, ++ord) {
                ASSERT_EQ(ymd_to_ord(y, m, d), ord) << y << "-" << m << "-" << d;
                int yy, mm, dd;
                ord_to_ymd(ord, &yy, &mm, &dd);
                ASSERT_EQ(yy, y);
                ASSERT_EQ(mm, m);
                ASSERT_EQ(dd, d);
            }
        }
    }
    EXPECT_EQ(ord - 1, kMaxOrdinal);
}

TEST(DateTimeCalendar, LeapYearsAndWeekdays) {
    EXPECT_TRUE(is_leap(2000));
    EXPECT_FALSE(is_leap(1900));
    EXPECT_TRUE(is_leap(2024));
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2023, 2), 28);
    EXPECT_EQ(weekday_of(1, 1, 1), 0);       // a Monday
    EXPECT_EQ(weekday_of(2020, 1, 1), 2);    // a Wednesday
    EXPECT_EQ(weekday_of(9999, 12, 31), 4);  // a Friday
}

TEST(DateTimeCalendar, IsoWeekOneStartsOnTheMondayOfTheFirstThursday) {
    for (int y = 2; y < kMaxYear; ++y) {
        int64_t monday = iso_week1_monday(y);
        ASSERT_EQ((monday + 6) % 7, 0) << y;  // a Monday
        int64_t thursday = monday + 3;
        int yy, mm, dd;
        ord_to_ymd(thursday, &yy, &mm, &dd);
        ASSERT_EQ(yy, y);
        ASSERT_EQ(mm, 1);
        ASSERT_LE(dd, 7);
    }
}

TEST(DateTimeFormat, Offsets) {
    EXPECT_EQ(format_offset(3600 * int64_t(1000000), ":"), "+01:00");
    EXPECT_EQ(format_offset(-(5400 * int64_t(1000000)), ""), "-0130");
    EXPECT_EQ(format_offset(5 * int64_t(1000000) + 7, ":"), "+00:00:05.000007");
}

TEST(DateTimeFormat, IsoParsing) {
    ParsedIso p;
    ASSERT_TRUE(parse_iso_datetime("2020-W01-3T10:00:00.5+05:30", &p));
    EXPECT_EQ(p.y, 2020);
    EXPECT_EQ(p.m, 1);
    EXPECT_EQ(p.d, 1);
    EXPECT_EQ(p.h, 10);
    EXPECT_EQ(p.us, 500000);
    EXPECT_TRUE(p.has_tz);
    EXPECT_EQ(p.tz_us, 19800 * int64_t(1000000));
    ParsedIso q;
    EXPECT_FALSE(parse_iso_date("2020-1-1", &q));
    EXPECT_FALSE(parse_iso_date("2021-W53", &q));  // 2021 has 52 ISO weeks
    EXPECT_TRUE(parse_iso_date("2020-W53", &q));
}

}  // namespace
}  // namespace gilt
