#include "exchange/trackpieces.h"

#include "exchange/casecontent.h"

namespace sightline {

std::vector<TrackPiece> trackPieces(const VesselPath &path, const TrackLineShape &shape)
{
    std::vector<TrackPiece> pieces;
    const std::span<const std::int64_t> times(path.timesMs);
    const std::span<const QPointF> lonLat(path.lonLat.constData(), std::size_t(path.lonLat.size()));
    int segment = 0;
    for (const TrackSegment &s : splitTrack(times, lonLat, shape.split)) {
        TrackPiece piece;
        piece.segment = segment++;
        piece.first = s.first;
        piece.last = s.last;
        piece.kept = generalizeTrack(times, lonLat, s.first, s.last, shape.generalize);
        pieces.push_back(std::move(piece));
    }
    return pieces;
}

} // namespace sightline
