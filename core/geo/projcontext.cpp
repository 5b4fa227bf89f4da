#include "geo/projcontext.h"

namespace sightline {

namespace {
struct ContextHolder
{
    PJ_CONTEXT *ctx = proj_context_create();
    ~ContextHolder() { proj_context_destroy(ctx); }
};
} // namespace

PJ_CONTEXT *threadProjContext()
{
    thread_local ContextHolder holder;
    return holder.ctx;
}

} // namespace sightline
