#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include "app/background_task.hpp"

namespace {

template <typename T>
void waitFor(app::BackgroundTask<T>& task) {
    for (int i = 0; i < 2000 && !task.ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_TRUE(task.ready());
}

TEST(BackgroundTask, DeliversTheResultAndTheProgressItReported) {
    app::BackgroundTask<int> task([](app::TaskProgress& p) {
        p.setStep("counting");
        p.setFraction(0.5f);
        return 42;
    });
    waitFor(task);
    EXPECT_EQ(task.progress().step(), "counting");
    EXPECT_FLOAT_EQ(task.progress().fraction(), 0.5f);
    EXPECT_EQ(task.take(), 42);
}

TEST(BackgroundTask, RethrowsTheWorkersErrorOnTake) {
    app::BackgroundTask<int> task([](app::TaskProgress&) -> int { throw std::runtime_error("text.txt: binary file"); });
    waitFor(task);
    EXPECT_THROW(
        {
            try {
                task.take();
            } catch (const std::runtime_error& e) {
                EXPECT_STREQ(e.what(), "text.txt: binary file");
                throw;
            }
        },
        std::runtime_error);
}

TEST(BackgroundTask, ACancelledTaskCanBeDroppedWhileItStillRuns) {
    std::atomic<bool> saw_cancel{false};
    {
        auto task = std::make_unique<app::BackgroundTask<int>>([&saw_cancel](app::TaskProgress& p) {
            while (!p.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            saw_cancel = true;
            return 0;
        });
        task->progress().cancel();
        task.reset();  // the worker keeps its own state alive
    }
    for (int i = 0; i < 2000 && !saw_cancel; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_TRUE(saw_cancel);
}

}  // namespace
