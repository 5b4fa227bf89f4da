#include "tracks/vesselregistry.h"

#include "ais/aismessage.h"
#include "tracks/mid.h"

namespace sightline {

VesselInfo &VesselRegistry::entry(std::uint32_t mmsi)
{
    const auto [it, inserted] = mIndex.try_emplace(mmsi, mVessels.size());
    if (inserted) {
        mVessels.emplace_back();
        mVessels.back().mmsi = mmsi;
    }
    return mVessels[it->second];
}

void VesselRegistry::notePosition(std::uint32_t mmsi, bool classB)
{
    VesselInfo &v = entry(mmsi);
    v.classB = v.classB || classB;
}

void VesselRegistry::noteStatic(const ais::AisMessage &m, std::int64_t timeMs)
{
    VesselInfo &v = entry(m.mmsi);
    auto noteName = [&](const std::string &raw) {
        const QString name = QString::fromLatin1(raw.data(), qsizetype(raw.size())).trimmed();
        if (name.isEmpty())
            return;
        if (!v.names.isEmpty() && v.names.back().name == name) {
            v.names.back().lastSeenMs = std::max(v.names.back().lastSeenMs, timeMs);
            return;
        }
        v.names.append(VesselInfo::NameSeen{name, timeMs, timeMs});
    };
    auto noteDimensions = [&] {
        if (m.toBow + m.toStern > 0) {
            v.toBow = m.toBow;
            v.toStern = m.toStern;
            v.toPort = m.toPort;
            v.toStarboard = m.toStarboard;
        }
    };
    switch (m.type) {
    case 5:
        if (m.imo)
            v.imo = m.imo;
        if (!m.callsign.empty())
            v.callsign = QString::fromLatin1(m.callsign.data(), qsizetype(m.callsign.size()));
        noteName(m.shipname);
        if (m.shiptype)
            v.shipType = m.shiptype;
        noteDimensions();
        if (!m.destination.empty())
            v.destination = QString::fromLatin1(m.destination.data(), qsizetype(m.destination.size()));
        break;
    case 19:
        v.classB = true;
        noteName(m.shipname);
        if (m.shiptype)
            v.shipType = m.shiptype;
        noteDimensions();
        break;
    case 24:
        v.classB = true;
        if (m.partno == 0) {
            noteName(m.shipname);
        } else {
            if (m.shiptype)
                v.shipType = m.shiptype;
            if (!m.callsign.empty())
                v.callsign = QString::fromLatin1(m.callsign.data(), qsizetype(m.callsign.size()));
            noteDimensions();
        }
        break;
    case 21:
        noteName(m.shipname);
        break;
    default:
        break;
    }
}

const VesselInfo *VesselRegistry::find(std::uint32_t mmsi) const
{
    const auto it = mIndex.find(mmsi);
    return it == mIndex.end() ? nullptr : &mVessels[it->second];
}

QString VesselRegistry::displayName(std::uint32_t mmsi) const
{
    const VesselInfo *v = find(mmsi);
    if (!v || v->names.isEmpty())
        return QStringLiteral("MMSI %1").arg(mmsi);
    return QStringLiteral("%1 (%2)").arg(v->currentName()).arg(mmsi);
}

QString VesselRegistry::flagOf(std::uint32_t mmsi)
{
    const FlagState flag = flagForMmsi(mmsi);
    return flag.isValid() ? QString::fromUtf8(flag.name) : QString();
}

std::vector<std::uint32_t> VesselRegistry::search(const QString &text) const
{
    std::vector<std::uint32_t> found;
    const QString needle = text.trimmed();
    for (const VesselInfo &v : mVessels) {
        bool match = needle.isEmpty() || QString::number(v.mmsi).contains(needle) ||
                     (v.imo && QString::number(v.imo).contains(needle)) ||
                     v.callsign.contains(needle, Qt::CaseInsensitive);
        for (const auto &n : v.names)
            match = match || n.name.contains(needle, Qt::CaseInsensitive);
        if (match)
            found.push_back(v.mmsi);
    }
    return found;
}

void VesselRegistry::clear()
{
    mVessels.clear();
    mIndex.clear();
}

} // namespace sightline
