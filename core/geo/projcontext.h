#pragma once

#include <proj.h>

#include <memory>

namespace sightline {

struct ProjDeleter
{
    void operator()(PJ *pj) const { proj_destroy(pj); }
};
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

/// The calling thread's PROJ context. PROJ contexts must not be shared
/// between threads, so every thread gets its own, destroyed with the thread.
PJ_CONTEXT *threadProjContext();

} // namespace sightline
