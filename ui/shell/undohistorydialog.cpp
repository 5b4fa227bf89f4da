#include "ui/shell/undohistorydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QUndoView>
#include <QVBoxLayout>

namespace sightline {

UndoHistoryDialog::UndoHistoryDialog(QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , mView(new QUndoView(undo, this))
{
    setObjectName(QStringLiteral("undoHistoryDialog"));
    setWindowTitle(tr("Undo History"));
    mView->setObjectName(QStringLiteral("undoHistoryView"));
    // The first row is the state before any edit: the project as opened.
    mView->setEmptyLabel(tr("<as opened>"));
    auto *hint = new QLabel(tr("Click an entry to go back to just after it. The history starts again when a "
                               "project is opened or closed."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(mView, 1);
    layout->addWidget(buttons);
    resize(380, 460);
}

} // namespace sightline
