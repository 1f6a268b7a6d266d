// app/wording: counts in words.
#include <gtest/gtest.h>

#include "app/wording.hpp"

namespace {

// Regression: the Places panel said "1 passages · 13 places" for a one-paragraph text.
TEST(Wording, OneIsSingularAndEveryOtherCountPlural) {
    EXPECT_EQ(app::countOf(1, "passage"), "1 passage");
    EXPECT_EQ(app::countOf(0, "passage"), "0 passages");
    EXPECT_EQ(app::countOf(13, "place"), "13 places");
    EXPECT_EQ(app::countOf(2, "city", "cities"), "2 cities");
    EXPECT_EQ(app::countOf(1, "city", "cities"), "1 city");
}

}  // namespace
