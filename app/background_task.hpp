// app/background_task.hpp — work that runs on a worker thread while the viewer keeps drawing
// frames: loading the gazetteer, the basemap and a text. The frame loop polls ready(), shows the
// progress the work reports, and may cancel: a cancelled task's result is dropped when it arrives
// (the worker owns its state through a shared_ptr, so nothing dangles). No GL here.
#pragma once
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace app {

// What the work reports and what the UI asks of it; shared between the threads.
class TaskProgress {
public:
    void setStep(const std::string& step) {
        std::lock_guard<std::mutex> lock(mutex_);
        step_ = step;
    }
    std::string step() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return step_;
    }
    void setFraction(float f) { fraction_ = f; }
    float fraction() const { return fraction_; }
    void cancel() { cancelled_ = true; }
    bool cancelled() const { return cancelled_; }

private:
    mutable std::mutex mutex_;
    std::string step_;
    std::atomic<float> fraction_{0.0f};
    std::atomic<bool> cancelled_{false};
};

template <typename T>
class BackgroundTask {
public:
    explicit BackgroundTask(std::function<T(TaskProgress&)> work) : shared_(std::make_shared<Shared>()) {
        std::thread([shared = shared_, work = std::move(work)] {
            std::optional<T> result;
            std::exception_ptr error;
            try {
                result.emplace(work(shared->progress));
            } catch (...) {
                error = std::current_exception();
            }
            std::lock_guard<std::mutex> lock(shared->mutex);
            shared->result = std::move(result);
            shared->error = error;
            shared->done = true;
        }).detach();
    }

    bool ready() const { return shared_->done; }
    TaskProgress& progress() { return shared_->progress; }
    // The result once ready(); rethrows what the work threw.
    T take() {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        if (shared_->error) std::rethrow_exception(shared_->error);
        return std::move(*shared_->result);
    }

private:
    struct Shared {
        TaskProgress progress;
        std::mutex mutex;
        std::optional<T> result;
        std::exception_ptr error;
        std::atomic<bool> done{false};
    };
    std::shared_ptr<Shared> shared_;
};

}  // namespace app
