#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace sightline {

/// One entry of an SQLite R*Tree over two dimensions: a row id and its box.
struct RTreeEntry
{
    std::int64_t id = 0;
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
};

/// A point's box as an SQLite R*Tree keeps it: single precision, rounded outwards so the
/// box still holds the point given in double precision (as SQLite rounds on insert).
RTreeEntry rtreeEntryForPoint(std::int64_t id, double x, double y);

/// The R*Tree that indexes a GeoPackage table's geometry (`rtree_<table>_<column>`) filled
/// anew, in one pass, from the points now in the table. SQLite inserting entries one at a time
/// spends about 9 µs on each (its R*-tree choice of subtree, splits and reinsertions); a
/// million AIS positions then cost more than reading, parsing and writing them together. Here
/// the entries are sorted into full nodes by sort-tile-recursive packing and the tree's own
/// tables (`_node`, `_rowid`, `_parent`) are written directly in SQLite's node format, as
/// GDAL's bulk loader does for the first layer of a new GeoPackage. Called inside the caller's
/// transaction, on the connection the dataset writes with, with the table's insert trigger
/// dropped meanwhile (or every row would be indexed twice).
///
/// False, with `error`, when a geometry is not a 2-D point in GeoPackage encoding or the
/// tree's tables are not as SQLite makes them (both found before anything is written; the
/// caller then fills the tree the slow way), or when writing fails.
bool repackPointRTree(sqlite3 *db, const std::string &table, const std::string &fidColumn,
                      const std::string &geometryColumn, QString *error);

/// The packed tree as nodes, for the tests: `levels[0]` are the leaves; each node lists
/// its entries, whose ids are row ids in a leaf and indexes into the level below above it.
struct PackedRTree
{
    std::vector<std::vector<std::vector<RTreeEntry>>> levels;
};
PackedRTree packRTree(std::vector<RTreeEntry> entries, int maxEntriesPerNode);

} // namespace sightline
