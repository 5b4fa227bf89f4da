#include "ais/aisstreamwriter.h"

#include "ais/aisformat.h"

#include <cstring>

namespace sightline::ais {

namespace {
constexpr std::size_t kFlushBytes = 1 << 20;
}

AisStreamWriter::AisStreamWriter(std::FILE *out, Format format, bool scaled)
    : mOut(out)
    , mFormat(format)
    , mScaled(scaled)
{
    for (std::size_t i = 0; i < kBatchesInFlight; ++i) {
        auto batch = std::make_unique<Batch>();
        batch->messages.resize(kBatchSize);
        batch->heard.resize(kBatchSize);
        batch->bits.resize(kBatchSize);
        mFree.push_back(std::move(batch));
    }
    mCurrent = takeFreeBatch();
    mThread = std::thread(&AisStreamWriter::run, this);
}

AisStreamWriter::~AisStreamWriter()
{
    finish();
}

std::unique_ptr<AisStreamWriter::Batch> AisStreamWriter::takeFreeBatch()
{
    std::unique_lock lock(mMutex);
    mChanged.wait(lock, [this] { return !mFree.empty(); });
    auto batch = std::move(mFree.back());
    mFree.pop_back();
    batch->count = 0;
    return batch;
}

void AisStreamWriter::add(const AisMessage &message, const Heard &heard, const BitBuffer &bits)
{
    Batch &b = *mCurrent;
    b.messages[b.count] = message;
    b.heard[b.count] = heard;
    // Most messages are position reports, fully held in AisMessage: their bits are not copied.
    if (needsBitsToFormat(message.type))
        b.bits[b.count] = bits;
    if (++b.count == kBatchSize) {
        {
            std::lock_guard lock(mMutex);
            mFull.push_back(std::move(mCurrent));
        }
        mChanged.notify_all();
        mCurrent = takeFreeBatch();
    }
}

void AisStreamWriter::finish()
{
    if (!mThread.joinable())
        return;
    {
        std::lock_guard lock(mMutex);
        if (mCurrent && mCurrent->count > 0)
            mFull.push_back(std::move(mCurrent));
        mDone = true;
    }
    mChanged.notify_all();
    mThread.join();
    std::fflush(mOut);
}

void AisStreamWriter::run()
{
    std::vector<char> buffer(kFlushBytes + kMaxRecordBytes);
    char *const start = buffer.data();
    char *p = start;
    if (mFormat == Format::Csv) {
        const char *header = csvHeader();
        const std::size_t n = std::strlen(header);
        std::memcpy(p, header, n);
        p += n;
    }
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock lock(mMutex);
            mChanged.wait(lock, [this] { return !mFull.empty() || mDone; });
            if (mFull.empty())
                break;
            batch = std::move(mFull.front());
            mFull.pop_front();
        }
        for (std::size_t i = 0; i < batch->count; ++i) {
            p = mFormat == Format::Csv
                    ? writeCsv(p, batch->messages[i], batch->heard[i])
                    : writeJson(p, batch->messages[i], batch->heard[i], &batch->bits[i], mScaled);
            if (std::size_t(p - start) >= kFlushBytes) {
                std::fwrite(start, 1, std::size_t(p - start), mOut);
                p = start;
            }
        }
        {
            std::lock_guard lock(mMutex);
            mFree.push_back(std::move(batch));
        }
        mChanged.notify_all();
    }
    std::fwrite(start, 1, std::size_t(p - start), mOut);
}

} // namespace sightline::ais
