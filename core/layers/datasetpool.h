#pragma once

#include <gdal_priv.h>

#include <QHash>
#include <QMutex>
#include <QString>

#include <vector>

namespace sightline {

class DatasetLease;

/// Open GDAL datasets kept for reuse. A GDAL dataset may be used by one thread
/// at a time, and reopening it throws away its block cache, so render workers
/// borrow a handle from here and give it back when done.
class DatasetPool
{
public:
    static DatasetPool &instance();

    /// Borrows an open handle for `source`, opening a new one if none is idle.
    /// On failure the lease is empty and `error` says why.
    DatasetLease acquire(const QString &source, QString *error);

    /// Closes the idle handles of `source`, and makes handles still out on
    /// loan close when they come back: after a layer is removed, or after its
    /// file changed (new overviews), no old handle is used again.
    void forget(const QString &source);
    /// Closes every idle handle.
    void clear();

private:
    friend class DatasetLease;
    void giveBack(const QString &source, GDALDataset *dataset, quint64 generation);

    QMutex mMutex;
    QHash<QString, std::vector<GDALDataset *>> mIdle;
    QHash<QString, quint64> mGeneration;
};

/// A borrowed dataset handle; returned to the pool when the lease ends.
class DatasetLease
{
public:
    DatasetLease() = default;
    DatasetLease(QString source, GDALDataset *dataset, quint64 generation)
        : mSource(std::move(source))
        , mDataset(dataset)
        , mGeneration(generation)
    {
    }
    DatasetLease(DatasetLease &&other) noexcept;
    DatasetLease &operator=(DatasetLease &&other) noexcept;
    DatasetLease(const DatasetLease &) = delete;
    DatasetLease &operator=(const DatasetLease &) = delete;
    ~DatasetLease();

    GDALDataset *get() const { return mDataset; }
    GDALDataset *operator->() const { return mDataset; }
    explicit operator bool() const { return mDataset != nullptr; }

private:
    QString mSource;
    GDALDataset *mDataset = nullptr;
    quint64 mGeneration = 0;
};

} // namespace sightline
