#include "ais/aisformat.h"

#include "ais/aisbinary.h"
#include "ais/aisjson.h"

#include <cmath>
#include <cstring>

namespace sightline::ais {

namespace {

using JsonObject = AisJson;

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

bool needsBitsToFormat(int type)
{
    switch (type) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 9:
    case 11:
    case 18:
    case 19:
    case 21:
    case 24:
    case 27:
        return false;
    default:
        return true;
    }
}

char *writeJson(char *p, const AisMessage &m, const Heard &heard, const BitBuffer *bits, bool scaled)
{
    JsonObject o(p, scaled);
    JsonCursor &w = o.w;
    o.s("class", "AIS");
    o.i("type", m.type);
    o.i("repeat", m.repeat);
    o.i("mmsi", m.mmsi);
    o.b("scaled", scaled);
    if (!std::isnan(heard.rxTime)) {
        o.key("rxtime");
        w.ch('"');
        w.iso(heard.rxTime);
        w.ch('"');
    }
    if (!heard.source.empty())
        o.s("source", heard.source);
    if (heard.channel)
        o.s("channel", std::string_view(&heard.channel, 1));
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
    case 6:
    case 8:
    case 25:
    case 26:
        if (bits)
            writeBinaryMessage(o, *bits, m.type);
        break;
    case 12:
        o.i("seqno", m.seqno);
        o.i("dest_mmsi", m.destMmsi);
        o.b("retransmit", m.retransmit);
        o.s("text", m.text);
        break;
    case 14:
        o.s("text", m.text);
        break;
    default:
        break;
    }
    return o.close();
}

void appendJson(std::string &out, const AisMessage &m, const Heard &heard, const BitBuffer *bits, bool scaled)
{
    std::string buffer(kMaxRecordBytes, '\0');
    out.append(buffer.data(), writeJson(buffer.data(), m, heard, bits, scaled));
}

const char *csvHeader()
{
    return "rxtime,type,repeat,mmsi,lon,lat,speed,course,heading,status,second,imo,callsign,shipname,"
           "shiptype,"
           "to_bow,to_stern,to_port,to_starboard,draught,destination,partno,source,channel\n";
}

char *writeCsv(char *p, const AisMessage &m, const Heard &heard)
{
    JsonCursor w{p};
    const double rxTime = heard.rxTime;
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
    w.ch(',');
    quoted(heard.source);
    w.ch(',');
    if (heard.channel)
        w.ch(heard.channel);
    w.ch('\n');
    return w.p;
}

void appendCsv(std::string &out, const AisMessage &m, const Heard &heard)
{
    std::string buffer(kMaxRecordBytes, '\0');
    out.append(buffer.data(), writeCsv(buffer.data(), m, heard));
}

} // namespace sightline::ais
