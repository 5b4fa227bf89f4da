#pragma once

#include <QMargins>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace sightline {

/// A form of labelled fields as Sightline's editors lay them out: labels right-aligned beside
/// fields that grow, never wrapped under them.
QFormLayout *makeEditorForm(QWidget *parent, const QMargins &margins = {});
/// A quiet explanatory line under a field (wrapped, smaller, in the placeholder colour).
QLabel *makeHintLabel(const QString &text, QWidget *parent);

} // namespace sightline
