#pragma once

#include "ui/map/maptool.h"
#include "model/annotation.h"

namespace sightline {

/// Draws a new annotation on the map: an arrow, callout, rectangle or ellipse by
/// dragging (press where it starts, release where it ends), a text label by a
/// click, a polygon by clicks finished with Enter or a double-click. Esc cancels.
class AnnotationTool : public MapTool
{
    Q_OBJECT
public:
    explicit AnnotationTool(MapCanvas *canvas);

    void setType(Annotation::Type type);
    Annotation::Type type() const { return mType; }
    /// The look new annotations get (colour, width, font size).
    void setStyle(const Annotation &style) { mStyle = style; }
    const Annotation &style() const { return mStyle; }

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;

Q_SIGNALS:
    /// A finished shape with the tool's style; Text and Callout still need their text.
    void annotationDrawn(const sightline::Annotation &annotation);

private:
    QPointF toLonLat(QPointF widget) const;
    void finish();

    Annotation::Type mType = Annotation::Type::Arrow;
    Annotation mStyle;
    QList<QPointF> mPoints; ///< lon/lat
    QPointF mHover;         ///< lon/lat
    bool mHasHover = false;
    bool mDragging = false;
};

} // namespace sightline
