// The program's own XDG folders, and where Mesa's shader cache goes.
#include "app/user_dirs.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace {

namespace fs = std::filesystem;

// Sets environment variables for one test and puts the old values back.
class ScopedEnv {
public:
    void set(const std::string& name, const std::optional<std::string>& value) {
        if (!saved_.count(name)) {
            const char* old = std::getenv(name.c_str());
            saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
        }
        if (value) ::setenv(name.c_str(), value->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
    ~ScopedEnv() {
        for (const auto& [name, value] : saved_) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
            else ::unsetenv(name.c_str());
        }
    }

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

class UserDirs : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("textatlas-user-dirs-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
        for (const char* name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME", "MESA_SHADER_CACHE_DIR",
                                 "MESA_SHADER_CACHE_DISABLE"})
            env_.set(name, std::nullopt);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
    ScopedEnv env_;
};

TEST_F(UserDirs, XdgVariablesComeFirstThenTheHomeFolder) {
    env_.set("HOME", (root_ / "home").string());
    EXPECT_EQ(app::configDir(), (root_ / "home" / ".config" / "textatlas").string());
    EXPECT_EQ(app::cacheDir(), (root_ / "home" / ".cache" / "textatlas").string());
    env_.set("XDG_CONFIG_HOME", (root_ / "config").string());
    env_.set("XDG_CACHE_HOME", (root_ / "cache").string());
    EXPECT_EQ(app::configDir(), (root_ / "config" / "textatlas").string());
    EXPECT_EQ(app::cacheDir(), (root_ / "cache" / "textatlas").string());
}

TEST_F(UserDirs, WithoutHomeThereIsNoCacheFolder) {
    EXPECT_EQ(app::cacheDir(), "");
    EXPECT_EQ(app::configDir(), (fs::path(".") / ".config" / "textatlas").string());
}

TEST_F(UserDirs, MesaKeepsItsShadersInTheProgramsCacheFolder) {
    env_.set("XDG_CACHE_HOME", (root_ / "cache").string());
    app::useShaderCache();
    ASSERT_NE(std::getenv("MESA_SHADER_CACHE_DIR"), nullptr);
    EXPECT_EQ(std::string(std::getenv("MESA_SHADER_CACHE_DIR")), (root_ / "cache" / "textatlas").string());
    EXPECT_TRUE(fs::is_directory(root_ / "cache" / "textatlas"));
    EXPECT_EQ(std::getenv("MESA_SHADER_CACHE_DISABLE"), nullptr);
}

TEST_F(UserDirs, TheUsersOwnShaderCacheSettingsWin) {
    env_.set("XDG_CACHE_HOME", (root_ / "cache").string());
    env_.set("MESA_SHADER_CACHE_DISABLE", "true");
    app::useShaderCache();
    EXPECT_EQ(std::getenv("MESA_SHADER_CACHE_DIR"), nullptr);
    EXPECT_FALSE(fs::exists(root_ / "cache"));

    env_.set("MESA_SHADER_CACHE_DISABLE", std::nullopt);
    env_.set("MESA_SHADER_CACHE_DIR", (root_ / "mine").string());
    app::useShaderCache();
    EXPECT_EQ(std::string(std::getenv("MESA_SHADER_CACHE_DIR")), (root_ / "mine").string());
    EXPECT_FALSE(fs::exists(root_ / "cache"));
}

TEST_F(UserDirs, ACacheFolderThatCannotBeMadeTurnsTheCacheOff) {
    // A file where the folder would go.
    std::FILE* blocker = std::fopen((root_ / "cache").c_str(), "w");
    ASSERT_NE(blocker, nullptr);
    std::fclose(blocker);
    env_.set("XDG_CACHE_HOME", (root_ / "cache").string());
    app::useShaderCache();
    EXPECT_EQ(std::getenv("MESA_SHADER_CACHE_DIR"), nullptr);
    ASSERT_NE(std::getenv("MESA_SHADER_CACHE_DISABLE"), nullptr);
    EXPECT_EQ(std::string(std::getenv("MESA_SHADER_CACHE_DISABLE")), "true");
}

}  // namespace
