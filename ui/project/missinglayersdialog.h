#pragma once

#include "project/project.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace sightline {

/// The layers of a project whose files are no longer where it says, in one list (a project
/// copied to another machine loses them all at once). Locating one file looks for the others
/// in the same new folder tree; the rest can be located one by one, or skipped: they stay in
/// the project, unavailable.
class MissingLayersDialog : public QDialog
{
    Q_OBJECT
public:
    MissingLayersDialog(const QList<ProjectLayer> &missing, const QString &startFolder, QWidget *parent);

    /// Where each layer was found, in the order given; empty for one skipped.
    const QStringList &locations() const { return mFound; }
    /// Takes `found` as the new place of layer `row` and looks for the still-missing ones
    /// relative to it; the number of those found so.
    int setLocation(int row, const QString &found);
    QTreeWidget *list() const { return mList; }

private:
    void locateCurrent();
    void updateRow(int row);
    void updateSummary();

    QList<ProjectLayer> mMissing;
    QStringList mFound;
    QString mStartFolder;
    QTreeWidget *mList;
    QLabel *mSummary;
    QPushButton *mLocate;
};

} // namespace sightline
