package dev.mcsink.localmc.rest;

/**
 * Marker paging of listings ({@code ?marker=&maxitems=}): the marker is the index of the next
 * item, an empty marker in the answer ends the paging.
 */
record MarkerPage(int from, int to, int size, String nextMarker) {
  private static final int DEFAULT_PAGE = 1000;

  static MarkerPage of(OdpsRequest request, int total) {
    int size = parseInt(request.param("maxitems"), DEFAULT_PAGE);
    int from = Math.min(parseInt(request.param("marker"), 0), total);
    int to = Math.min(total, from + Math.max(1, size));
    return new MarkerPage(from, to, size, to < total ? String.valueOf(to) : "");
  }

  private static int parseInt(String s, int fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw ServiceException.badRequest("InvalidArgument", "Not a number: " + s);
    }
  }
}
