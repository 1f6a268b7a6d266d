// geo/tile_loader.hpp — loads tiles on a worker thread: the caller asks for the tiles a view
// needs (newest request first; tiles no longer asked for are dropped from the queue), collects
// finished ones without waiting, or waits for some (headless renders, which must be exact).
// `Load` runs on the worker only (it may own a GDAL handle, triangulate, …) and returns the
// tile's payload; an exception from it marks the tile failed (its message kept), not the loader.
// No GL.
#pragma once
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "geo/world_tiles.hpp"

namespace geo {

template <typename Payload>
class TileLoader {
public:
    using Load = std::function<std::unique_ptr<Payload>(const TileKey&)>;

    explicit TileLoader(Load load) : load_(std::move(load)), worker_([this] { run(); }) {}
    ~TileLoader() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        worker_.join();
    }
    TileLoader(const TileLoader&) = delete;
    TileLoader& operator=(const TileLoader&) = delete;

    // The tiles wanted now, most wanted first: they replace the queue (those being loaded or
    // done are not asked again until collected).
    void request(const std::vector<TileKey>& keys) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            queue_.clear();
            for (const TileKey& key : keys) {
                if (key == loading_ || done_keys_.count(key) || failed_.count(key)) continue;
                queue_.push_back(key);
            }
        }
        wake_.notify_all();
    }

    // The tiles finished since the last call (not waiting).
    std::vector<std::pair<TileKey, std::unique_ptr<Payload>>> takeReady() {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<std::pair<TileKey, std::unique_ptr<Payload>>> ready;
        ready.swap(done_);
        done_keys_.clear();
        return ready;
    }

    // Asks for `keys` and blocks until each is finished or failed.
    void waitFor(const std::vector<TileKey>& keys) {
        request(keys);
        std::unique_lock<std::mutex> lock(mutex_);
        finished_.wait(lock, [&] {
            return std::all_of(keys.begin(), keys.end(),
                               [&](const TileKey& k) { return done_keys_.count(k) || failed_.count(k); });
        });
    }

    bool failed(const TileKey& key) const {
        std::lock_guard<std::mutex> lock(mutex_);
        return failed_.count(key) != 0;
    }
    // The first failure's message ("" if none failed).
    std::string firstError() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return first_error_;
    }

private:
    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            const TileKey key = queue_.front();
            queue_.pop_front();
            loading_ = key;
            lock.unlock();
            std::unique_ptr<Payload> payload;
            std::string error;
            try {
                payload = load_(key);
            } catch (const std::exception& e) {
                error = e.what();
            }
            lock.lock();
            loading_ = TileKey{-1, -1, -1};
            if (payload) {
                done_keys_.insert(key);
                done_.emplace_back(key, std::move(payload));
            } else {
                failed_.insert(key);
                if (first_error_.empty()) first_error_ = error.empty() ? "a tile could not be loaded" : error;
            }
            finished_.notify_all();
        }
    }

    Load load_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    std::deque<TileKey> queue_;
    TileKey loading_{-1, -1, -1};
    std::vector<std::pair<TileKey, std::unique_ptr<Payload>>> done_;
    std::set<TileKey> done_keys_;
    std::set<TileKey> failed_;
    std::string first_error_;
    bool stopping_ = false;
    std::thread worker_;  // last: starts after everything it uses
};

}  // namespace geo
