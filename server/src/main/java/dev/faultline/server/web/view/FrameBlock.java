package dev.faultline.server.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of frames: the app's own, shown open, or library frames, folded into a {@code <details>}
 * as the mature trackers do. When no frame can be told apart (every one looks like library code,
 * or none does), all frames form one open block.
 */
public record FrameBlock(boolean library, List<FrameView> frames) {

    public static List<FrameBlock> of(List<FrameView> frames) {
        boolean anyApp = frames.stream().anyMatch(frame -> !frame.library());
        boolean anyLibrary = frames.stream().anyMatch(FrameView::library);
        if (frames.isEmpty()) {
            return List.of();
        }
        if (!anyApp || !anyLibrary) {
            return List.of(new FrameBlock(false, List.copyOf(frames)));
        }
        List<FrameBlock> blocks = new ArrayList<>();
        List<FrameView> run = new ArrayList<>();
        boolean library = frames.getFirst().library();
        for (FrameView frame : frames) {
            if (frame.library() != library) {
                blocks.add(new FrameBlock(library, List.copyOf(run)));
                run.clear();
                library = frame.library();
            }
            run.add(frame);
        }
        blocks.add(new FrameBlock(library, List.copyOf(run)));
        return List.copyOf(blocks);
    }
}
