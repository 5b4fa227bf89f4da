#include "layers/datasetpool.h"

#include "util/gdalutil.h"

#include <QFileInfo>

namespace sightline {

namespace {
constexpr std::size_t kMaxIdlePerSource = 4;
}

DatasetPool &DatasetPool::instance()
{
    // Never destroyed: a render worker may still give a handle back while statics are torn down.
    static DatasetPool *pool = new DatasetPool();
    return *pool;
}

DatasetLease DatasetPool::acquire(const QString &source, QString *error)
{
    quint64 generation = 0;
    {
        QMutexLocker lock(&mMutex);
        generation = mGeneration.value(source);
        auto it = mIdle.find(source);
        if (it != mIdle.end() && !it->empty()) {
            GDALDataset *ds = it->back();
            it->pop_back();
            return DatasetLease(source, ds, generation);
        }
    }
    ensureGdalInitialised();
    if (isLocalPath(source) && !QFileInfo::exists(source)) {
        if (error)
            *error = QStringLiteral("'%1': no such file").arg(describeSource(source));
        return {};
    }
    GdalErrorCapture capture;
    auto *ds = GDALDataset::FromHandle(GDALOpenEx(source.toUtf8().constData(),
                                                  GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                                  nullptr, nullptr, nullptr));
    if (!ds && error)
        *error =
            QStringLiteral("'%1': %2")
                .arg(describeSource(source), capture.message(QStringLiteral("not a raster GDAL can read")));
    return DatasetLease(source, ds, generation);
}

void DatasetPool::giveBack(const QString &source, GDALDataset *dataset, quint64 generation)
{
    QMutexLocker lock(&mMutex);
    auto &idle = mIdle[source];
    if (generation == mGeneration.value(source) && idle.size() < kMaxIdlePerSource) {
        idle.push_back(dataset);
        return;
    }
    lock.unlock();
    GDALClose(GDALDataset::ToHandle(dataset));
}

void DatasetPool::forget(const QString &source)
{
    std::vector<GDALDataset *> idle;
    {
        QMutexLocker lock(&mMutex);
        idle = mIdle.take(source);
        ++mGeneration[source];
    }
    for (GDALDataset *ds : idle)
        GDALClose(GDALDataset::ToHandle(ds));
}

void DatasetPool::clear()
{
    QHash<QString, std::vector<GDALDataset *>> all;
    {
        QMutexLocker lock(&mMutex);
        all.swap(mIdle);
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            ++mGeneration[it.key()];
    }
    for (const auto &list : std::as_const(all))
        for (GDALDataset *ds : list)
            GDALClose(GDALDataset::ToHandle(ds));
}

DatasetLease::DatasetLease(DatasetLease &&other) noexcept
    : mSource(std::move(other.mSource))
    , mDataset(std::exchange(other.mDataset, nullptr))
    , mGeneration(other.mGeneration)
{
}

DatasetLease &DatasetLease::operator=(DatasetLease &&other) noexcept
{
    if (this != &other) {
        if (mDataset)
            DatasetPool::instance().giveBack(mSource, mDataset, mGeneration);
        mSource = std::move(other.mSource);
        mDataset = std::exchange(other.mDataset, nullptr);
        mGeneration = other.mGeneration;
    }
    return *this;
}

DatasetLease::~DatasetLease()
{
    if (mDataset)
        DatasetPool::instance().giveBack(mSource, mDataset, mGeneration);
}

} // namespace sightline
