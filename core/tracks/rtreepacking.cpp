#include "tracks/rtreepacking.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <memory>

namespace sightline {

namespace {

// SQLite's rtree module: a cell is the 64-bit id and then min and max of each dimension as
// 32-bit floats, all big-endian; a node is a 16-bit depth (read from the root only), a 16-bit
// cell count, then its cells, zero-padded to the node size (the root blob's length).
constexpr int kCellBytes = 8 + 4 * 4;
constexpr int kNodeHeaderBytes = 4;

float roundedDown(double v)
{
    float f = static_cast<float>(v);
    if (double(f) > v)
        f = std::nextafter(f, -INFINITY);
    return f;
}

float roundedUp(double v)
{
    float f = static_cast<float>(v);
    if (double(f) < v)
        f = std::nextafter(f, INFINITY);
    return f;
}

void putBigEndian(unsigned char *out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i, value >>= 8)
        out[i] = static_cast<unsigned char>(value & 0xff);
}

std::uint64_t readWord(const unsigned char *in, int bytes, bool littleEndian)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(in[littleEndian ? i : bytes - 1 - i]) << (8 * i);
    return v;
}

/// A point's coordinates from a GeoPackage geometry blob: header "GP", version, flags, SRS id,
/// optional envelope, then WKB. Empty (an empty flag, or NaN coordinates as GDAL writes an
/// empty point) gives `*empty`; anything but a 2-D point gives false.
bool pointFromGeoPackageBlob(const unsigned char *blob, int size, double *x, double *y, bool *empty)
{
    *empty = false;
    if (size < 8 || blob[0] != 'G' || blob[1] != 'P')
        return false;
    const unsigned flags = blob[3];
    if (flags & 0x20) // an extended GeoPackage geometry type
        return false;
    static constexpr int kEnvelopeBytes[] = {0, 32, 48, 48, 64};
    const unsigned envelope = (flags >> 1) & 7;
    if (envelope > 4)
        return false;
    if (flags & 0x10) {
        *empty = true;
        return true;
    }
    const int wkb = 8 + kEnvelopeBytes[envelope];
    if (size < wkb + 21)
        return false;
    const bool little = blob[wkb] == 1;
    if (readWord(blob + wkb + 1, 4, little) != 1) // wkbPoint, two dimensions
        return false;
    *x = std::bit_cast<double>(readWord(blob + wkb + 5, 8, little));
    *y = std::bit_cast<double>(readWord(blob + wkb + 13, 8, little));
    *empty = std::isnan(*x) || std::isnan(*y);
    return true;
}

/// One level of the tree: `entries` grouped into nodes of at most `m`, neighbours together.
/// Sort-tile-recursive: sorted by x into vertical slices of about √(nodes) nodes each, each
/// slice sorted by y and cut into nodes.
std::vector<std::vector<RTreeEntry>> packLevel(std::vector<RTreeEntry> &entries, int m)
{
    const std::size_t n = entries.size();
    const std::size_t nodeCount = (n + std::size_t(m) - 1) / std::size_t(m);
    const auto slices = std::size_t(std::ceil(std::sqrt(double(nodeCount))));
    const std::size_t perSlice = std::max<std::size_t>(1, slices) * std::size_t(m);
    auto centreX = [](const RTreeEntry &e) { return double(e.minX) + double(e.maxX); };
    auto centreY = [](const RTreeEntry &e) { return double(e.minY) + double(e.maxY); };
    std::sort(entries.begin(), entries.end(),
              [&](const RTreeEntry &a, const RTreeEntry &b) { return centreX(a) < centreX(b); });
    std::vector<std::vector<RTreeEntry>> nodes;
    nodes.reserve(nodeCount);
    for (std::size_t start = 0; start < n; start += perSlice) {
        const auto begin = entries.begin() + std::ptrdiff_t(start);
        const auto end = entries.begin() + std::ptrdiff_t(std::min(n, start + perSlice));
        std::sort(begin, end, [&](const RTreeEntry &a, const RTreeEntry &b) { return centreY(a) < centreY(b); });
        for (auto at = begin; at < end; at += std::min<std::ptrdiff_t>(m, end - at))
            nodes.emplace_back(at, at + std::min<std::ptrdiff_t>(m, end - at));
    }
    return nodes;
}

RTreeEntry boundsOf(const std::vector<RTreeEntry> &node, std::int64_t id)
{
    RTreeEntry box{id, INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (const RTreeEntry &e : node) {
        box.minX = std::min(box.minX, e.minX);
        box.maxX = std::max(box.maxX, e.maxX);
        box.minY = std::min(box.minY, e.minY);
        box.maxY = std::max(box.maxY, e.maxY);
    }
    return box;
}

std::string quoted(const std::string &identifier)
{
    std::string q = "\"";
    for (char c : identifier)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

struct Statement
{
    sqlite3_stmt *handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};

class Writer
{
public:
    Writer(sqlite3 *db, QString *error)
        : mDb(db)
        , mError(error)
    {
    }
    bool prepare(Statement &statement, const std::string &sql)
    {
        return check(sqlite3_prepare_v2(mDb, sql.c_str(), int(sql.size()), &statement.handle, nullptr), sql);
    }
    bool exec(const std::string &sql)
    {
        return check(sqlite3_exec(mDb, sql.c_str(), nullptr, nullptr, nullptr), sql);
    }
    bool step(Statement &statement)
    {
        const int rc = sqlite3_step(statement.handle);
        sqlite3_reset(statement.handle);
        return check(rc == SQLITE_DONE ? SQLITE_OK : rc, sqlite3_sql(statement.handle));
    }
    bool check(int rc, const std::string &what)
    {
        if (rc == SQLITE_OK)
            return true;
        if (mError)
            *mError = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(mDb)),
                                                      QString::fromStdString(what));
        return false;
    }

private:
    sqlite3 *mDb;
    QString *mError;
};

} // namespace

RTreeEntry rtreeEntryForPoint(std::int64_t id, double x, double y)
{
    return {id, roundedDown(x), roundedUp(x), roundedDown(y), roundedUp(y)};
}

PackedRTree packRTree(std::vector<RTreeEntry> entries, int maxEntriesPerNode)
{
    PackedRTree tree;
    tree.levels.push_back(entries.empty() ? std::vector<std::vector<RTreeEntry>>(1)
                                          : packLevel(entries, maxEntriesPerNode));
    while (tree.levels.back().size() > 1) {
        const auto &below = tree.levels.back();
        std::vector<RTreeEntry> parents;
        parents.reserve(below.size());
        for (std::size_t i = 0; i < below.size(); ++i)
            parents.push_back(boundsOf(below[i], std::int64_t(i)));
        tree.levels.push_back(packLevel(parents, maxEntriesPerNode));
    }
    return tree;
}

bool repackPointRTree(sqlite3 *db, const std::string &table, const std::string &fidColumn,
                      const std::string &geometryColumn, QString *error)
{
    Writer writer(db, error);
    const std::string rtree = "rtree_" + table + "_" + geometryColumn;
    const std::string nodeTable = quoted(rtree + "_node"), rowidTable = quoted(rtree + "_rowid"),
                      parentTable = quoted(rtree + "_parent");

    // The node size SQLite chose when it made the tree: the length of the root's blob.
    int nodeBytes = 0;
    {
        Statement root;
        if (!writer.prepare(root, "SELECT length(data) FROM " + nodeTable + " WHERE nodeno = 1"))
            return false;
        if (sqlite3_step(root.handle) == SQLITE_ROW)
            nodeBytes = sqlite3_column_int(root.handle, 0);
    }
    const int maxCells = (nodeBytes - kNodeHeaderBytes) / kCellBytes;
    if (maxCells < 2) {
        if (error)
            *error = QStringLiteral("the root node of %1 is %2 bytes long").arg(QString::fromStdString(rtree)).arg(nodeBytes);
        return false;
    }

    std::vector<RTreeEntry> entries;
    {
        Statement rows;
        if (!writer.prepare(rows, "SELECT " + quoted(fidColumn) + ", " + quoted(geometryColumn) + " FROM " +
                                      quoted(table) + " WHERE " + quoted(geometryColumn) + " IS NOT NULL"))
            return false;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(rows.handle)) == SQLITE_ROW) {
            const auto *blob = static_cast<const unsigned char *>(sqlite3_column_blob(rows.handle, 1));
            double x = 0, y = 0;
            bool empty = false;
            if (!pointFromGeoPackageBlob(blob, sqlite3_column_bytes(rows.handle, 1), &x, &y, &empty)) {
                if (error)
                    *error = QStringLiteral("row %1 of %2 is not a 2-D point")
                                 .arg(sqlite3_column_int64(rows.handle, 0))
                                 .arg(QString::fromStdString(table));
                return false;
            }
            if (!empty)
                entries.push_back(rtreeEntryForPoint(sqlite3_column_int64(rows.handle, 0), x, y));
        }
        if (!writer.check(rc == SQLITE_DONE ? SQLITE_OK : rc, "reading " + table))
            return false;
    }

    const PackedRTree tree = packRTree(std::move(entries), maxCells);
    // Node numbers: the root is 1 (where SQLite looks for it), then level by level downwards.
    std::vector<std::vector<std::int64_t>> numbers(tree.levels.size());
    std::int64_t next = 1;
    for (std::size_t level = tree.levels.size(); level-- > 0;)
        for (std::size_t i = 0; i < tree.levels[level].size(); ++i)
            numbers[level].push_back(next++);

    if (!writer.exec("DELETE FROM " + nodeTable) || !writer.exec("DELETE FROM " + rowidTable) ||
        !writer.exec("DELETE FROM " + parentTable))
        return false;
    Statement insertNode, insertRowid, insertParent;
    if (!writer.prepare(insertNode, "INSERT INTO " + nodeTable + " (nodeno, data) VALUES (?, ?)") ||
        !writer.prepare(insertRowid, "INSERT INTO " + rowidTable + " (rowid, nodeno) VALUES (?, ?)") ||
        !writer.prepare(insertParent, "INSERT INTO " + parentTable + " (nodeno, parentnode) VALUES (?, ?)"))
        return false;
    std::vector<unsigned char> blob(std::size_t(nodeBytes), 0);
    const std::size_t top = tree.levels.size() - 1;
    for (std::size_t level = top + 1; level-- > 0;) {
        for (std::size_t i = 0; i < tree.levels[level].size(); ++i) {
            const std::vector<RTreeEntry> &node = tree.levels[level][i];
            const std::int64_t nodeNo = numbers[level][i];
            std::fill(blob.begin(), blob.end(), 0);
            putBigEndian(blob.data(), level == top ? top : 0, 2);
            putBigEndian(blob.data() + 2, node.size(), 2);
            unsigned char *cell = blob.data() + kNodeHeaderBytes;
            for (const RTreeEntry &e : node) {
                const std::int64_t id = level == 0 ? e.id : numbers[level - 1][std::size_t(e.id)];
                putBigEndian(cell, std::uint64_t(id), 8);
                putBigEndian(cell + 8, std::bit_cast<std::uint32_t>(e.minX), 4);
                putBigEndian(cell + 12, std::bit_cast<std::uint32_t>(e.maxX), 4);
                putBigEndian(cell + 16, std::bit_cast<std::uint32_t>(e.minY), 4);
                putBigEndian(cell + 20, std::bit_cast<std::uint32_t>(e.maxY), 4);
                cell += kCellBytes;
                Statement &link = level == 0 ? insertRowid : insertParent;
                sqlite3_bind_int64(link.handle, 1, id);
                sqlite3_bind_int64(link.handle, 2, nodeNo);
                if (!writer.step(link))
                    return false;
            }
            sqlite3_bind_int64(insertNode.handle, 1, nodeNo);
            sqlite3_bind_blob(insertNode.handle, 2, blob.data(), int(blob.size()), SQLITE_TRANSIENT);
            if (!writer.step(insertNode))
                return false;
        }
    }
    return true;
}

} // namespace sightline
