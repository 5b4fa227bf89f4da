#pragma once

#include "project/project.h"

#include <QDialog>

class QTableWidget;

namespace sightline {

/// Who did what to a sighting, and when: its lines of the project's audit log,
/// oldest first, with the fields each change wrote.
class AuditHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    AuditHistoryDialog(const QString &title, const QList<AuditEntry> &entries, QWidget *parent = nullptr);
    QTableWidget *table() const { return mTable; }

private:
    QTableWidget *mTable;
};

} // namespace sightline
