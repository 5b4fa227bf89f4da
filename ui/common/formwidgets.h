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
/// The title of the dialog a menu item opens: the item's text without its "&" mnemonic and
/// trailing "…" ("Find &Gaps (Going Dark)…" → "Find Gaps (Going Dark)"), so the window says
/// what the menu said, in the same words and capitals.
QString dialogTitleFor(const QString &menuText);

} // namespace sightline
