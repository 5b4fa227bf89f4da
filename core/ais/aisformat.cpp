#include "ais/aisformat.h"

#include "util/utctime.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace sightline::ais {

namespace {

// Formatting writes through a raw cursor: this runs once per message, millions
// of times, and std::string's per-character checks cost more than the decode.
struct Writer
{
    char *p;

    template <std::size_t N> void lit(const char (&s)[N])
    {
        std::memcpy(p, s, N - 1);
        p += N - 1;
    }
    void raw(const char *s, std::size_t n)
    {
        std::memcpy(p, s, n);
        p += n;
    }
    void ch(char c) { *p++ = c; }
    void integer(long long v) { p = std::to_chars(p, p + 24, v).ptr; }
    void two(int v)
    {
        *p++ = char('0' + (v / 10) % 10);
        *p++ = char('0' + v % 10);
    }
    // Fixed-point without printf machinery: the value scaled to an integer. The
    // number of decimals is a template argument so the divisions are by constants.
    template <int Decimals> void fixed(double v)
    {
        constexpr long long scale = [] {
            long long s = 1;
            for (int i = 0; i < Decimals; ++i)
                s *= 10;
            return s;
        }();
        const double x = v * double(scale);
        long long scaled =
            (long long)(x < 0 ? x - 0.5 : x + 0.5); // round half away, as llround, without libm
        if (scaled < 0) {
            *p++ = '-';
            scaled = -scaled;
        }
        integer(scaled / scale);
        if constexpr (Decimals > 0) {
            *p++ = '.';
            long long frac = scaled % scale;
            for (int d = Decimals - 1; d >= 0; --d) {
                p[d] = char('0' + frac % 10);
                frac /= 10;
            }
            p += Decimals;
        }
    }
    void fixed(double v, int decimals)
    {
        switch (decimals) {
        case 0:
            fixed<0>(v);
            break;
        case 1:
            fixed<1>(v);
            break;
        case 4:
            fixed<4>(v);
            break;
        default:
            fixed<7>(v);
            break;
        }
    }
    void text(const std::string &s)
    {
        *p++ = '"';
        for (char c : s) {
            if (c == '"' || c == '\\')
                *p++ = '\\';
            *p++ = c;
        }
        *p++ = '"';
    }
    void text(const char *s)
    {
        *p++ = '"';
        raw(s, std::strlen(s));
        *p++ = '"';
    }
    void iso(double t);
};

void Writer::iso(double t)
{
    const std::int64_t whole = std::int64_t(std::floor(t));
    const int ms = int(std::lround((t - double(whole)) * 1000.0));
    std::int64_t days = whole / 86400, secs = whole % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    std::int64_t year;
    unsigned mo, d;
    civilFromDays(days, year, mo, d);
    integer(year);
    ch('-');
    two(int(mo));
    ch('-');
    two(int(d));
    ch('T');
    two(int(secs / 3600));
    ch(':');
    two(int(secs / 60 % 60));
    ch(':');
    two(int(secs % 60));
    if (ms > 0 && ms < 1000) {
        ch('.');
        ch(char('0' + ms / 100));
        two(ms % 100);
    }
    ch('Z');
}

// A JSON object whose members are written in order; keys are literals.
class JsonObject
{
public:
    explicit JsonObject(Writer &w)
        : w(w)
    {
        w.ch('{');
    }
    void close() { w.lit("}\n"); }

    template <std::size_t N> void key(const char (&k)[N])
    {
        if (!mFirst)
            w.ch(',');
        mFirst = false;
        w.ch('"');
        w.raw(k, N - 1);
        w.lit("\":");
    }
    template <std::size_t N> void i(const char (&k)[N], long long v)
    {
        key(k);
        w.integer(v);
    }
    template <std::size_t N> void b(const char (&k)[N], bool v)
    {
        key(k);
        if (v)
            w.lit("true");
        else
            w.lit("false");
    }
    template <int Decimals, std::size_t N> void f(const char (&k)[N], double v)
    {
        if (std::isnan(v))
            return;
        key(k);
        w.fixed<Decimals>(v);
    }
    template <std::size_t N, class T> void s(const char (&k)[N], const T &v)
    {
        key(k);
        w.text(v);
    }

    Writer &w;

private:
    bool mFirst = true;
};

// Rate of turn as gpsd prints it: "nan", "fastright", "fastleft", or degrees per minute.
void turn(JsonObject &o, int raw)
{
    if (raw == -128)
        o.s("turn", "nan");
    else if (raw == 127)
        o.s("turn", "fastright");
    else if (raw == -127)
        o.s("turn", "fastleft");
    else {
        const double rot = raw / 4.733;
        o.i("turn", std::lround(raw < 0 ? -rot * rot : rot * rot));
    }
}

template <int Decimals = 7> void position(JsonObject &o, const AisMessage &m)
{
    o.f<Decimals>("lon", m.lon);
    o.f<Decimals>("lat", m.lat);
}

void dimensions(JsonObject &o, const AisMessage &m)
{
    o.i("to_bow", m.toBow);
    o.i("to_stern", m.toStern);
    o.i("to_port", m.toPort);
    o.i("to_starboard", m.toStarboard);
}

void epfd(JsonObject &o, int v)
{
    o.i("epfd", v);
    o.s("epfd_text", epfdText(v));
}

void shiptype(JsonObject &o, int v)
{
    o.i("shiptype", v);
    o.s("shiptype_text", shipTypeText(v));
}

} // namespace

char *writeJson(char *p, const AisMessage &m, double rxTime)
{
    Writer w{p};
    JsonObject o(w);
    o.s("class", "AIS");
    o.i("type", m.type);
    o.i("repeat", m.repeat);
    o.i("mmsi", m.mmsi);
    o.b("scaled", true);
    if (!std::isnan(rxTime)) {
        o.key("rxtime");
        w.ch('"');
        w.iso(rxTime);
        w.ch('"');
    }
    switch (m.type) {
    case 1:
    case 2:
    case 3:
        o.i("status", m.status);
        o.s("status_text", navigationStatusText(m.status));
        turn(o, m.turn);
        o.f<1>("speed", m.speed);
        o.b("accuracy", m.accuracy);
        position(o, m);
        o.f<1>("course", m.course);
        if (m.heading >= 0)
            o.i("heading", m.heading);
        o.i("second", m.second);
        o.i("maneuver", m.maneuver);
        o.b("raim", m.raim);
        o.i("radio", m.radio);
        break;
    case 4:
    case 11:
        o.key("timestamp");
        w.ch('"');
        // ISO 8601 years have four digits, also the "not available" year 0.
        for (int pad = 1000; pad > 1 && m.year < pad; pad /= 10)
            w.ch('0');
        w.integer(m.year);
        w.ch('-');
        w.two(m.month);
        w.ch('-');
        w.two(m.day);
        w.ch('T');
        w.two(m.hour);
        w.ch(':');
        w.two(m.minute);
        w.ch(':');
        w.two(m.utcSecond);
        w.lit("Z\"");
        o.b("accuracy", m.accuracy);
        position(o, m);
        epfd(o, m.epfd);
        o.b("raim", m.raim);
        o.i("radio", m.radio);
        break;
    case 5:
        o.i("imo", m.imo);
        o.i("ais_version", m.aisVersion);
        o.s("callsign", m.callsign);
        o.s("shipname", m.shipname);
        shiptype(o, m.shiptype);
        dimensions(o, m);
        epfd(o, m.epfd);
        o.key("eta");
        w.ch('"');
        w.two(m.etaMonth);
        w.ch('-');
        w.two(m.etaDay);
        w.ch('T');
        w.two(m.etaHour);
        w.ch(':');
        w.two(m.etaMinute);
        w.lit("Z\"");
        o.f<1>("draught", m.draught);
        o.s("destination", m.destination);
        o.i("dte", m.dte ? 1 : 0);
        break;
    case 9:
        if (m.alt >= 0)
            o.i("alt", m.alt);
        o.f<0>("speed", m.speed);
        o.b("accuracy", m.accuracy);
        position(o, m);
        o.f<1>("course", m.course);
        o.i("second", m.second);
        o.i("regional", m.regional);
        o.i("dte", m.dte ? 1 : 0);
        o.b("raim", m.raim);
        o.i("radio", m.radio);
        break;
    case 18:
    case 19:
        o.i("reserved", m.reserved);
        o.f<1>("speed", m.speed);
        o.b("accuracy", m.accuracy);
        position(o, m);
        o.f<1>("course", m.course);
        if (m.heading >= 0)
            o.i("heading", m.heading);
        o.i("second", m.second);
        o.i("regional", m.regional);
        if (m.type == 18) {
            o.b("cs", m.cs);
            o.b("display", m.display);
            o.b("dsc", m.dsc);
            o.b("band", m.band);
            o.b("msg22", m.msg22);
            o.b("raim", m.raim);
            o.i("radio", m.radio);
        } else {
            o.s("shipname", m.shipname);
            shiptype(o, m.shiptype);
            dimensions(o, m);
            epfd(o, m.epfd);
            o.b("raim", m.raim);
            o.i("dte", m.dte ? 1 : 0);
            o.b("assigned", m.assigned);
        }
        break;
    case 21:
        o.i("aid_type", m.aidType);
        o.s("aid_type_text", aidTypeText(m.aidType));
        o.s("name", m.shipname);
        position(o, m);
        o.b("accuracy", m.accuracy);
        dimensions(o, m);
        epfd(o, m.epfd);
        o.i("second", m.second);
        o.i("regional", m.regional);
        o.b("off_position", m.offPosition);
        o.b("raim", m.raim);
        o.b("virtual_aid", m.virtualAid);
        break;
    case 24:
        o.i("partno", m.partno);
        if (m.partno == 0) {
            o.s("shipname", m.shipname);
        } else {
            shiptype(o, m.shiptype);
            o.s("vendorid", m.vendorid);
            o.i("model", m.model);
            o.i("serial", m.serial);
            o.s("callsign", m.callsign);
            if (m.mothershipMmsi)
                o.i("mothership_mmsi", m.mothershipMmsi);
            else
                dimensions(o, m);
        }
        break;
    case 27:
        o.i("status", m.status);
        o.s("status_text", navigationStatusText(m.status));
        o.b("accuracy", m.accuracy);
        position<4>(o, m);
        o.f<0>("speed", m.speed);
        o.f<0>("course", m.course);
        o.b("raim", m.raim);
        o.b("gnss", m.gnss);
        break;
    default:
        break;
    }
    o.close();
    return w.p;
}

void appendJson(std::string &out, const AisMessage &m, double rxTime)
{
    char buffer[kMaxRecordBytes];
    out.append(buffer, writeJson(buffer, m, rxTime));
}

const char *csvHeader()
{
    return "rxtime,type,repeat,mmsi,lon,lat,speed,course,heading,status,second,imo,callsign,shipname,"
           "shiptype,"
           "to_bow,to_stern,to_port,to_starboard,draught,destination,partno\n";
}

char *writeCsv(char *p, const AisMessage &m, double rxTime)
{
    Writer w{p};
    auto quoted = [&w](const std::string &s) {
        if (s.find_first_of(",\"") == std::string::npos) {
            w.raw(s.data(), s.size());
            return;
        }
        w.ch('"');
        for (char c : s) {
            if (c == '"')
                w.ch('"');
            w.ch(c);
        }
        w.ch('"');
    };
    if (!std::isnan(rxTime))
        w.iso(rxTime);
    w.ch(',');
    w.integer(m.type);
    w.ch(',');
    w.integer(m.repeat);
    w.ch(',');
    w.integer(m.mmsi);
    w.ch(',');
    for (const auto &[v, d] : {std::pair{m.lon, 7}, {m.lat, 7}, {m.speed, 1}, {m.course, 1}}) {
        if (!std::isnan(v))
            w.fixed(v, d);
        w.ch(',');
    }
    for (int v : {m.heading, m.status, m.second}) {
        if (v >= 0)
            w.integer(v);
        w.ch(',');
    }
    const bool isStatic = m.type == 5 || m.type == 19 || m.type == 21 || m.type == 24;
    const bool partA = m.type == 24 && m.partno == 0;
    if (m.type == 5)
        w.integer(m.imo);
    w.ch(',');
    quoted(m.callsign);
    w.ch(',');
    quoted(m.shipname);
    w.ch(',');
    if (isStatic && m.type != 21 && !partA)
        w.integer(m.shiptype);
    w.ch(',');
    for (int v : {m.toBow, m.toStern, m.toPort, m.toStarboard}) {
        if (isStatic && !partA)
            w.integer(v);
        w.ch(',');
    }
    if (m.type == 5)
        w.fixed(m.draught, 1);
    w.ch(',');
    quoted(m.destination);
    w.ch(',');
    if (m.type == 24)
        w.integer(m.partno);
    w.ch('\n');
    return w.p;
}

void appendCsv(std::string &out, const AisMessage &m, double rxTime)
{
    char buffer[kMaxRecordBytes];
    out.append(buffer, writeCsv(buffer, m, rxTime));
}

} // namespace sightline::ais
