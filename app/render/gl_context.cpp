#include "app/render/gl_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>

#include <map>
#include <mutex>
#include <stdexcept>

namespace app::render {

namespace {

std::string eglErrorName(EGLint code) {
    switch (code) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_CURRENT_SURFACE: return "EGL_BAD_CURRENT_SURFACE";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_NATIVE_PIXMAP: return "EGL_BAD_NATIVE_PIXMAP";
        case EGL_BAD_NATIVE_WINDOW: return "EGL_BAD_NATIVE_WINDOW";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
        case EGL_CONTEXT_LOST: return "EGL_CONTEXT_LOST";
        default: return "EGL error " + std::to_string(code);
    }
}

[[noreturn]] void throwEgl(const std::string& what) {
    throw std::runtime_error("headless OpenGL: " + what + " failed (" + eglErrorName(eglGetError()) + ")");
}

// eglInitialize is not reference counted and eglTerminate ends every context on a display, so
// contexts sharing a display count their users here and only the last one terminates it.
std::mutex g_display_mutex;
std::map<EGLDisplay, int> g_display_users;

// An initialized EGLDisplay, terminated when its last user goes away.
class DisplayLease {
public:
    DisplayLease() = default;
    // Initializes `display`; returns false (owning nothing) if EGL refuses.
    bool acquire(EGLDisplay display) {
        if (display == EGL_NO_DISPLAY) return false;
        std::lock_guard<std::mutex> lock(g_display_mutex);
        EGLint major = 0;
        EGLint minor = 0;
        if (eglInitialize(display, &major, &minor) != EGL_TRUE) return false;
        ++g_display_users[display];
        display_ = display;
        return true;
    }
    ~DisplayLease() {
        if (display_ == EGL_NO_DISPLAY) return;
        std::lock_guard<std::mutex> lock(g_display_mutex);
        if (--g_display_users[display_] == 0) {
            g_display_users.erase(display_);
            eglTerminate(display_);
        }
    }
    DisplayLease(const DisplayLease&) = delete;
    DisplayLease& operator=(const DisplayLease&) = delete;
    EGLDisplay get() const { return display_; }

private:
    EGLDisplay display_ = EGL_NO_DISPLAY;
};

EGLDisplay surfacelessDisplay() {
    const char* client_extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    const std::string extensions = client_extensions != nullptr ? client_extensions : "";
    if (extensions.find("EGL_MESA_platform_surfaceless") == std::string::npos) return EGL_NO_DISPLAY;
    // eglGetPlatformDisplay is EGL 1.5; the EXT entry point covers 1.4 libraries.
    auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display == nullptr) return EGL_NO_DISPLAY;
    return get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
}

}  // namespace

struct HeadlessContext::Impl {
    DisplayLease display;
    EGLContext context = EGL_NO_CONTEXT;

    ~Impl() {
        if (context != EGL_NO_CONTEXT) {
            if (eglGetCurrentContext() == context) {
                eglMakeCurrent(display.get(), EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            }
            eglDestroyContext(display.get(), context);
        }
    }
};

std::unique_ptr<HeadlessContext> HeadlessContext::create() {
    std::unique_ptr<HeadlessContext> result(new HeadlessContext());
    result->impl_ = std::make_unique<Impl>();
    Impl& impl = *result->impl_;

    if (!impl.display.acquire(surfacelessDisplay()) && !impl.display.acquire(eglGetDisplay(EGL_DEFAULT_DISPLAY))) {
        throwEgl("eglInitialize on the surfaceless and the default display");
    }
    const EGLDisplay display = impl.display.get();

    const EGLint config_attributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                        EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                                        EGL_NONE};
    EGLConfig config = nullptr;
    EGLint config_count = 0;
    if (eglChooseConfig(display, config_attributes, &config, 1, &config_count) != EGL_TRUE) throwEgl("eglChooseConfig");
    if (config_count < 1) {
        throw std::runtime_error("headless OpenGL: no EGL config with desktop OpenGL and pbuffer support");
    }
    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) throwEgl("eglBindAPI(EGL_OPENGL_API)");

    const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3,
                                         EGL_CONTEXT_MINOR_VERSION, 3,
                                         EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                         EGL_NONE};
    impl.context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attributes);
    if (impl.context == EGL_NO_CONTEXT) throwEgl("eglCreateContext (OpenGL 3.3 core)");
    result->makeCurrent();
    return result;
}

HeadlessContext::~HeadlessContext() = default;

void HeadlessContext::makeCurrent() {
    // Drawing goes to framebuffer objects, so no surface is needed (EGL_KHR_surfaceless_context).
    if (eglMakeCurrent(impl_->display.get(), EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context) != EGL_TRUE) {
        throwEgl("eglMakeCurrent without a surface");
    }
}

std::string HeadlessContext::glRenderer() const {
    if (eglGetCurrentContext() != impl_->context) {
        throw std::runtime_error("headless OpenGL: glRenderer() needs this context to be current");
    }
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return renderer != nullptr ? renderer : "";
}

}  // namespace app::render
