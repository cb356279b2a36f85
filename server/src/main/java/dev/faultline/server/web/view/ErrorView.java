package dev.faultline.server.web.view;

import dev.faultline.core.model.ErrorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One error of the chain, outermost first, with the errors that caused it after it.
 *
 * @param depth 0 for the outermost error, 1 for its cause, and so on
 * @param type the error's type, possibly empty
 * @param blocks its frames, innermost first, in runs of app and library frames
 * @param frameCount how many frames it has
 * @param rawStack the stack as one string, when the SDK sent it that way
 * @param data the error's own free-form data
 */
public record ErrorView(
        int depth,
        String type,
        String message,
        List<FrameBlock> blocks,
        int frameCount,
        String rawStack,
        List<TreeNode> data) {

    /** Caps the chain a hostile report can make the page draw. */
    static final int MAX_ERRORS = 50;

    /** "Caused by" for an inner error. */
    public String label() {
        return depth == 0 ? "Error" : "Caused by";
    }

    /** The chain flattened depth-first: each error, then its causes. */
    public static List<ErrorView> chain(ErrorInfo error) {
        List<ErrorView> chain = new ArrayList<>();
        add(chain, error, 0);
        return List.copyOf(chain);
    }

    private static void add(List<ErrorView> chain, ErrorInfo error, int depth) {
        if (chain.size() == MAX_ERRORS) {
            return;
        }
        List<FrameView> frames = error.frames().stream().map(FrameView::of).toList();
        chain.add(new ErrorView(
                depth,
                error.type(),
                error.message(),
                FrameBlock.of(frames),
                frames.size(),
                error.rawStack(),
                TreeNode.of(error.data())));
        for (ErrorInfo inner : error.inner()) {
            add(chain, inner, depth + 1);
        }
    }
}
