#pragma once

#include <QDialog>

class QUndoStack;
class QUndoView;

namespace sightline {

/// Edit → Undo History: the window's one undo stack as a list — layers, sightings, counts,
/// annotations, drawings, saved views, acquisition times and the brief, each by name. Clicking an
/// entry undoes or redoes back to it. Not modal: it follows the edits as they are made.
class UndoHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    UndoHistoryDialog(QUndoStack *undo, QWidget *parent);

    QUndoView *view() const { return mView; }

private:
    QUndoView *mView;
};

} // namespace sightline
