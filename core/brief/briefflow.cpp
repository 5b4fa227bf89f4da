#include "brief/briefflow.h"

namespace sightline {

FlowPages paginateFlow(const std::vector<FlowItem> &items, double contentHeight)
{
    const int n = int(items.size());
    FlowPages pages(1);
    std::vector<bool> placed(size_t(n), false);
    double y = 0;
    auto newPage = [&] {
        if (!pages.back().isEmpty())
            pages.append(QList<FlowPlacement>{});
        y = 0;
    };
    auto at = [&](int i) -> const FlowItem & { return items[size_t(i)]; };
    // The height `i` needs where it stands: with the items it must not be parted from (a caption
    // keeps to a table's header, which keeps to its first row).
    auto need = [&](int i) {
        double h = (y > 0 ? at(i).spaceBefore : 0) + at(i).height;
        for (int k = i; at(k).keepWithNext && k + 1 < n && !at(k + 1).pageBreak; ++k)
            h += at(k + 1).spaceBefore + at(k + 1).height;
        return h;
    };
    auto place = [&](int i) {
        if (pages.back().isEmpty() && at(i).repeatHeader >= 0) {
            // A table continued on a new page: its header again first.
            pages.back().append({at(i).repeatHeader, 0});
            y = at(at(i).repeatHeader).height;
        }
        if (y > 0)
            y += at(i).spaceBefore;
        pages.back().append({i, y});
        y += at(i).height;
        placed[size_t(i)] = true;
    };

    for (int i = 0; i < n; ++i) {
        if (placed[size_t(i)])
            continue;
        if (at(i).pageBreak) {
            newPage();
            continue;
        }
        if (y > 0 && y + need(i) > contentHeight) {
            if (at(i).floatable) {
                // A figure that does not fit lets the text after it fill the page first, as
                // typesetters float figures, rather than leaving the rest of the page blank.
                for (int j = i + 1; j < n && at(j).text && !placed[size_t(j)]; ++j) {
                    if (at(j).keepWithNext && (j + 1 >= n || !at(j + 1).text))
                        break;
                    if (y + need(j) > contentHeight)
                        break;
                    place(j);
                }
            }
            newPage();
        }
        place(i);
    }
    if (pages.size() > 1 && pages.back().isEmpty())
        pages.removeLast();
    return pages;
}

} // namespace sightline
