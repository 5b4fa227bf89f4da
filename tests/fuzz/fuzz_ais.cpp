// libFuzzer target for the AIS path: NMEA reader (tag blocks, timestamps,
// reassembly), decoder and JSON/CSV formatting, on arbitrary bytes.
// Built with clang-14 by tests/CMakeLists.txt; ctest runs it briefly, and by hand:
//   build/tests/fuzz_ais -max_total_time=600 tests/data/ais
#include "ais/aisdecoder.h"
#include "ais/aisformat.h"
#include "ais/nmeareader.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace sightline::ais;
    NmeaReader reader;
    AisMessage message;
    std::string out;
    const char *p = reinterpret_cast<const char *>(data), *end = p + size;
    std::int64_t line = 0;
    auto sink = [&](const RawMessage &raw) {
        if (decode(*raw.bits, message) == DecodeStatus::Ok) {
            Heard heard;
            heard.rxTime = raw.timeSource == TimeSource::None ? std::nan("") : raw.time;
            heard.source.assign(raw.station);
            heard.channel = raw.channel;
            appendJson(out, message, heard, raw.bits);
            appendJson(out, message, heard, raw.bits, false);
            appendCsv(out, message, heard);
        }
    };
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        reader.feed(std::string_view(p, std::size_t(lineEnd - p)), ++line, sink);
        p = nl ? nl + 1 : end;
    }
    reader.finish();
    // Every line is accounted for: counted as a sentence, ignored or rejected.
    const auto &s = reader.stats();
    if (s.lines != line)
        __builtin_trap();
    return 0;
}
