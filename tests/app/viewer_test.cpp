// Tests of app/viewer: the window's first size on monitors of every size and density.
#include "app/viewer.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

TEST(InitialWindowSize, ALargeMonitorGetsThePreferredSizeUnmaximised) {
    const app::WindowSize size = app::initialWindowSize(2560, 1400, 1.0f);
    EXPECT_EQ(size.width, 1440);
    EXPECT_EQ(size.height, 900);
    EXPECT_FALSE(size.fills_work_area);
}

// Regression: a 1280×800 screen opened a 1440×900 window whose status bar and bottom places were
// off screen.
TEST(InitialWindowSize, ASmallMonitorGetsAWindowThatFitsItsWorkArea) {
    const app::WindowSize size = app::initialWindowSize(1280, 800, 1.0f);
    EXPECT_LE(size.width, 1280);
    EXPECT_LE(size.height, 800);
    EXPECT_TRUE(size.fills_work_area);
}

TEST(InitialWindowSize, TheContentScaleIsCountedSinceGlfwEnlargesTheWindowByIt) {
    // 2560×1600 at 2×: 1440×900 would become 2880×1800 physical pixels.
    const app::WindowSize size = app::initialWindowSize(2560, 1600, 2.0f);
    EXPECT_LE(size.width * 2, 2560);
    EXPECT_LE(size.height * 2, 1600);
    EXPECT_TRUE(size.fills_work_area);
    // At 1.5× a 2560×1440 work area has room for 1706×960 units: the preferred size fits.
    EXPECT_FALSE(app::initialWindowSize(2560, 1440, 1.5f).fills_work_area);
}

TEST(InitialWindowSize, NoWorkAreaOrANonsenseScaleFallsBackToThePreferredSize) {
    EXPECT_EQ(app::initialWindowSize(0, 0, 1.0f).width, 1440);
    EXPECT_EQ(app::initialWindowSize(-5, 700, 1.0f).height, 900);
    const app::WindowSize nan_scale = app::initialWindowSize(1280, 800, std::nanf(""));
    EXPECT_LE(nan_scale.width, 1280);
    EXPECT_GT(nan_scale.width, 0);
    EXPECT_LE(app::initialWindowSize(1280, 800, 0.0f).height, 800);
}

}  // namespace
