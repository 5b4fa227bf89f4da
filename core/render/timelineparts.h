#pragma once

// The timeline figure's parts, shared by the files that lay it out and paint it (timelinefigure.cpp,
// timelinelayout.cpp, timelinemarks.cpp, timelinekey.cpp, timelinesymbols.cpp); not for use outside them.

#include "render/timelinefigure.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QList>
#include <QPainter>
#include <QPair>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <optional>

namespace sightline::timelineparts {

inline constexpr double kTopPt = 3;
inline constexpr double kVesselLanePt = 33;
inline constexpr double kSightingLanePt = 20;
inline constexpr double kAcquisitionLanePt = 18;
inline constexpr double kAxisPt = 18;
inline constexpr double kKeyGapPt = 6;
inline constexpr double kKeyRowPt = 12;
inline constexpr double kBottomPt = 2;
inline constexpr double kRightPadPt = 4;
inline constexpr double kKeySymbolPt = 14;
inline constexpr double kKeyTextGapPt = 3.5;
inline constexpr double kKeyItemGapPt = 12;
inline constexpr double kKeyFontPt = 7; // the largest the key's text is drawn at
inline constexpr double kKeyCharEm =
    0.62; // a generous mean advance of DejaVu Sans, so estimated cells hold the text
inline constexpr double kMarkerRadiusPt = 5;    // sighting markers
inline constexpr double kDiamondRadiusPt = 4.3; // encounters in the lanes
inline constexpr double kSpoofHalfWidthPt = 3.2;
inline constexpr double kHatchStepPt = 4.5;
inline constexpr double kInferredInsetPt =
    1.6; // a possible call is lower than a seen one: the gap's hatch frames it

inline const QColor kInk(0x22, 0x2b, 0x33);
inline const QColor kMuted(0x5f, 0x6b, 0x76);
inline const QColor kGrid(0xe8, 0xea, 0xed);
inline const QColor kGridMajor(0xcc, 0xd2, 0xd8);
inline const QColor kRule(0xd9, 0xdd, 0xe1);
inline const QColor kAxisInk(0x59, 0x63, 0x6e);
inline const QColor kHatch(0x8a, 0x8f, 0x94);
inline const QColor kSilent(0xdc, 0xdf, 0xe3);
inline const QColor kAcquisitionInk(0x4a, 0x54, 0x5e);
inline const QColor kNeutralStrip(0x4d, 0x6a, 0x8a);

using Mark = TimelineLayout::Mark;
using Symbol = TimelineLayout::Symbol;
using Fonts = TimelineLayout::Fonts;

// ---------------------------------------------------------------- shared (timelinesymbols.cpp)

QString laneCaption(TimelineLayout::LaneKind kind);

/// "Rajin (Rason)" → "Rajin": the fallback when the whole name has no room.
QString shortPortLabel(const QString &name);

double basePoints(const QFont &font, double unit);

/// A font in the base font's family, sized in points on a point-sized font and in pixels
/// (1 pt = `unit` px) on a pixel-sized one.
QFont sized(const QFont &base, double points, double unit, bool bold = false);

Fonts makeFonts(const QFont &base, double unit);

QFontMetricsF metrics(const QFont &font, const QPaintDevice *device);

/// "ANGARA (273145020)" → "ANGARA", "MMSI 273145020".
QPair<QString, QString> splitVesselLabel(const TimelineLane &lane);

bool hasUnlaneSightings(const TimelineData &data);

QColor sightingInk(const QString &kind);

// ---------------------------------------------------------------- the key (timelinekey.cpp)

struct KeyItem
{
    Symbol symbol = Symbol::Gap;
    QString text;
    QColor colour;
};

/// The symbols the figure shows, in the order the key lists them.
QList<KeyItem> keyItems(const TimelineData &data);

/// An item's cell width, estimated from its text so that the height is known without a painter.
double keyItemWidthPt(const KeyItem &item);

/// Each item's top-left offset (points) in the key, flowing into rows `widthPt` wide, with the items'
/// widths from `itemWidthPt` (the estimate when none).
QList<QPointF> keyFlow(const QList<KeyItem> &items, double widthPt, const QList<double> &itemWidthPt = {});

int rowsOf(const QList<QPointF> &flow);

int keyRows(const QList<KeyItem> &items, double widthPt);

// ---------------------------------------------------------------- symbols (timelinesymbols.cpp)

QPen pen(const QColor &colour, double width, Qt::PenCapStyle cap = Qt::FlatCap);

void drawHatchedBar(QPainter &painter, const QRectF &r, double u);

void drawCallBar(QPainter &painter, const QRectF &r, bool inferred, double u);

/// Loitering is a thin bar through the middle of its row.
QRectF loiteringBar(const QRectF &row, double x0, double x1);

void drawLoiteringBar(QPainter &painter, const QRectF &r);

void drawSpoofMark(QPainter &painter, QPointF tip, double u);

/// A speech bubble whose tail points down at `tip`: a safety message the vessel sent.
QRectF safetyBubbleBox(QPointF tip, double u);

void drawSafetyBubble(QPainter &painter, QPointF tip, double u);

void drawDiamond(QPainter &painter, QPointF c, double r, const QColor &colour, double u);

void drawBracket(QPainter &painter, double x0, double x1, double y, double tick, double u);

double markerWidth(int number, const QFont &font, const QPaintDevice *device, double u);

/// A sighting marker's capsule `w` wide centred on `c`.
QRectF markerBox(QPointF c, double w, double u);

/// A numbered capsule with a white rim, the number in white.
void drawSightingMarker(QPainter &painter, const QRectF &box, int number, const QColor &colour,
                        const QFont &font, double u);

void drawAcquisitionTick(QPainter &painter, double x, double top, double bottom, double u);

void drawDensitySwatch(QPainter &painter, const QRectF &r, const QColor &colour);

void drawKeySymbol(QPainter &painter, const TimelineLayout::KeyEntry &item, const Fonts &fonts, double u);

// ---------------------------------------------------------------- layout helpers (timelinelayout.cpp)

/// The tick labels' widest sample, so that the count of labels fits the plot's width.
int maxTickLabels(double plotWidth, const Fonts &fonts, const QPaintDevice *device);

QString axisCaption(std::int64_t from, std::int64_t to, int maxLabels);

double laneHeightPt(TimelineLayout::LaneKind kind);

QList<QPair<TimelineLayout::LaneKind, int>> laneOrder(const TimelineData &data);

/// A label placed in a row left to right, centred on `centre` or slid right by up to `slide` when that
/// clears the last one: where it goes, or nothing when it would touch the last one.
std::optional<QRectF> placeInRow(double centre, double width, double height, double top, double minLeft,
                                 double maxRight, double &lastRight, double gap, double slide = 0);

void layOutLabelColumn(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device);

/// The axis: ticks, labels that never touch, and the caption in the label column.
void layOutAxis(TimelineLayout &layout, const QPaintDevice *device);

/// The key: only the symbols drawn, in cells sized from the text (as the height was).
void layOutKey(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device);

// ---------------------------------------------------------------- laying out the marks (timelinemarks.cpp)

/// A vessel lane's reporting strip: bins a point wide, darker where it reported more often.
void layOutStrip(TimelineLayout::Lane &lane, const TimelineLayout &layout, const TimelineLane &vessel,
                 double u);

/// A vessel lane's bars, spoofing marks, round-trip brackets and port names, in the order they are drawn.
void layOutVesselMarks(TimelineLayout &layout, int laneIndex, const TimelineData &data,
                       const QPaintDevice *device);

/// Encounters: a diamond in each vessel's lane, linked across the lanes between; one per pair and time.
void layOutEncounters(TimelineLayout &layout, const TimelineData &data,
                      const QHash<std::uint32_t, int> &laneOfVessel);

/// Sightings: numbered markers at their time, pushed right (with a leader) where they would touch.
void layOutSightings(TimelineLayout &layout, const TimelineData &data,
                     const QHash<std::uint32_t, int> &laneOfVessel, const QPaintDevice *device);

/// Imagery acquisitions: ticks, named to the right where the name fits before the next one.
void layOutAcquisitions(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device);

} // namespace sightline::timelineparts
