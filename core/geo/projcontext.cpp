#include "geo/projcontext.h"

namespace sightline {

namespace {
struct ContextHolder
{
    PJ_CONTEXT *ctx = create();
    static PJ_CONTEXT *create()
    {
        PJ_CONTEXT *c = proj_context_create();
        // Failures reach the user through our own messages; PROJ would print them to stderr too.
        proj_log_level(c, PJ_LOG_NONE);
        return c;
    }
    ~ContextHolder() { proj_context_destroy(ctx); }
};
} // namespace

PJ_CONTEXT *threadProjContext()
{
    thread_local ContextHolder holder;
    return holder.ctx;
}

} // namespace sightline
