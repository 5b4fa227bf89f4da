#pragma once

#include "ui/map/maptool.h"
#include "model/annotation.h"

#include <optional>

namespace sightline {

class LayerStack;
class ProjectController;

/// Selects the project's annotations to move and reshape them: a press on one
/// selects it and a drag moves it; the square handles of the selected one (its
/// points, a box's four corners) resize it; a double-click opens its properties;
/// Delete removes it. Each finished move is one undoable edit.
class AnnotationEditTool : public MapTool
{
    Q_OBJECT
public:
    AnnotationEditTool(MapCanvas *canvas, LayerStack *layers, ProjectController *project);

    /// The selected annotation; 0 for none.
    std::int64_t selected() const { return mSelected; }
    void select(std::int64_t id);

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;
    QCursor cursor() const override { return Qt::ArrowCursor; }

Q_SIGNALS:
    /// A move or resize finished: store this.
    void annotationChanged(const sightline::Annotation &annotation);
    void propertiesRequested(std::int64_t id);
    void deleteRequested(std::int64_t id);

private:
    std::optional<Annotation> stored(std::int64_t id) const;
    std::vector<QPointF> toWidget(const Annotation &a) const;
    QPointF toLonLat(QPointF widget) const;
    void setHidden(std::int64_t id);

    LayerStack *mLayers;
    ProjectController *mProject;
    std::int64_t mSelected = 0;
    std::optional<Annotation> mWorking; ///< as it is being dragged
    Annotation mOriginal;
    int mHandle = -1; ///< the handle dragged; -1 when moving the whole
    QPointF mPressMap;
    bool mMoved = false;
};

} // namespace sightline
