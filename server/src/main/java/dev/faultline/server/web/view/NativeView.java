package dev.faultline.server.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The threads and binary images of a native crash, as App Center ({@code threads}, {@code
 * binaries}) and raygun4apple ({@code threads}, {@code binaryImages}) send them in the report's
 * free-form {@code extra}.
 */
public final class NativeView {
    /** The keys of {@code extra} shown here rather than in the free-form tree. */
    public static final Set<String> KEYS = Set.of("threads", "binaries", "binaryImages");

    static final int MAX_THREADS = 200;
    static final int MAX_FRAMES = 500;
    static final int MAX_BINARIES = 2_000;

    private NativeView() {}

    /**
     * One thread.
     *
     * @param crashed whether the error happened on it (raygun4apple's {@code crashed}, or App
     *     Center's {@code errorThreadId})
     */
    public record ThreadView(String name, boolean crashed, List<FrameView> frames) {}

    /** One loaded binary image. */
    public record BinaryView(String name, String id, String start, String end, String architecture, String path) {}

    static List<ThreadView> threads(Map<String, Object> extra) {
        if (!(extra.get("threads") instanceof List<?> threads)) {
            return List.of();
        }
        Object errorThread = extra.get("errorThreadId");
        List<ThreadView> views = new ArrayList<>();
        for (Object item : threads) {
            if (views.size() == MAX_THREADS) {
                break;
            }
            if (!(item instanceof Map<?, ?> thread)) {
                continue;
            }
            Object id = thread.containsKey("id") ? thread.get("id") : thread.get("number");
            String name = FrameView.text(thread, "name");
            String title = "Thread " + (id == null ? views.size() : id) + (name == null ? "" : " · " + name);
            boolean crashed = Boolean.TRUE.equals(thread.get("crashed"))
                    || (errorThread != null && id != null && Objects.equals(errorThread.toString(), id.toString()));
            List<FrameView> frames = new ArrayList<>();
            if (thread.get("frames") instanceof List<?> list) {
                for (Object frame : list) {
                    if (frames.size() == MAX_FRAMES) {
                        break;
                    }
                    if (frame instanceof Map<?, ?> map) {
                        frames.add(FrameView.of(map));
                    }
                }
            }
            views.add(new ThreadView(title, crashed, List.copyOf(frames)));
        }
        return List.copyOf(views);
    }

    static List<BinaryView> binaries(Map<String, Object> extra) {
        Object value = extra.containsKey("binaries") ? extra.get("binaries") : extra.get("binaryImages");
        if (!(value instanceof List<?> binaries)) {
            return List.of();
        }
        List<BinaryView> views = new ArrayList<>();
        for (Object item : binaries) {
            if (views.size() == MAX_BINARIES) {
                break;
            }
            if (item instanceof Map<?, ?> binary) {
                views.add(new BinaryView(
                        FrameView.text(binary, "name"),
                        FrameView.firstText(binary, "id", "uuid"),
                        FrameView.firstText(binary, "startAddress", "imageAddress"),
                        FrameView.firstText(binary, "endAddress", "imageSize"),
                        FrameView.firstText(binary, "primaryArchitectureId", "cpuType", "architecture"),
                        FrameView.text(binary, "path")));
            }
        }
        return List.copyOf(views);
    }
}
