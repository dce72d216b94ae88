package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Whether the area of a colour that {@link ObjectSelection} found is two things of that colour, one standing on the
 * other: a red cup on a red saucer of the same glaze, touching, is one area of red, and nothing in the colour tells the
 * cup from the saucer. A request that names one of them ("make the red saucer blue") cannot be carried out on that
 * area: recolouring it recolours both.
 *
 * <p>What is read, on the area's outline alone (the mask of the largest area): its lower outline, where it meets the
 * convex hull below the area's centroid, is a wide, flat ellipse seen from above at an angle (the base: a saucer or a
 * plate; the ellipse fitted to those outline points, its minor axis at most {@value #FLAT} of the major, tilted at most
 * {@value #TILT}° from the horizontal, the points within {@value #FIT} of its radius on the median, as wide as the
 * area, and filled by it for at least {@value #SOLID} of its surface: not a rim or an arc); and a body stands in it: the largest part of the hull that the area leaves out, of another colour (a cup's
 * white inside), from {@value #MOUTH} to {@value #MOUTH_MAX} of the area, opens at the base's top rim (within {@value #MOUTH_OPENS} of its
 * height) and reaches down into the base's upper part (its bottom between {@value #MOUTH_LOW} and {@value #MOUTH_HIGH}
 * of the base's height). A single thing of one colour (a suit, a
 * badge, the sky, a table) fails the ellipse test or has no such mouth; a plate alone has no mouth; a bowl's inside is
 * a hole, not an opening from above.
 */
final class StackedShape {
    /** The largest ratio of the base's minor axis to its major axis: a base seen at an angle is flatter than round. */
    static final double FLAT = 0.9;

    /** The largest tilt of the base's major axis from the horizontal, in degrees. */
    static final double TILT = 20;

    /** The largest median distance of the lower outline from the fitted ellipse, as a share of its radius. */
    static final double FIT = 0.02;

    /** The least share of the area the opening of the body standing in the base covers. */
    static final double MOUTH = 0.1;

    /** The largest share of the area the opening covers: the two things are mostly of the colour. */
    static final double MOUTH_MAX = 0.6;

    /** The least share of the base's ellipse the area covers: a base is a solid thing, not a rim. */
    static final double SOLID = 0.5;

    /** How deep into the base the body's opening reaches: its bottom between these shares of the base's height. */
    static final double MOUTH_LOW = 0.25;

    static final double MOUTH_HIGH = 0.75;

    /** The body's opening starts in the top part of the base, at most this share of its height below its top rim. */
    static final double MOUTH_OPENS = 0.15;

    /** The fewest points of lower outline an ellipse is fitted to. */
    private static final int MIN_POINTS = 20;

    private StackedShape() {}

    /** Whether a mask (255 inside) reads as a body standing on a wide, flat base of the same colour. */
    static boolean reads(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Mat copy = mask.clone();
        try {
            Imgproc.findContours(copy, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            MatOfPoint outline = null;
            double largest = 0;
            for (MatOfPoint c : contours) {
                double area = Imgproc.contourArea(c);
                if (area > largest) {
                    largest = area;
                    outline = c;
                }
            }
            return outline != null && reads(mask, outline.toArray());
        } finally {
            copy.release();
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }

    private static boolean reads(Mat mask, Point[] outline) {
        if (outline.length < MIN_POINTS) {
            return false;
        }
        Point[] hull = hull(outline);
        MatOfPoint2f hullCurve = new MatOfPoint2f(hull);
        try {
            org.opencv.imgproc.Moments m = Imgproc.moments(mask, true);
            if (!(m.m00 > 0)) {
                return false;
            }
            double area = m.m00;
            double centroidY = m.m01 / m.m00;
            List<Point> lower = new ArrayList<>();
            for (Point p : outline) {
                if (p.y >= centroidY && Math.abs(Imgproc.pointPolygonTest(hullCurve, p, true)) <= 2) {
                    lower.add(p);
                }
            }
            if (lower.size() < MIN_POINTS) {
                return false;
            }
            MatOfPoint2f points = new MatOfPoint2f(lower.toArray(new Point[0]));
            RotatedRect base;
            try {
                base = Imgproc.fitEllipse(points);
            } finally {
                points.release();
            }
            double a = Math.max(base.size.width, base.size.height) / 2;
            double b = Math.min(base.size.width, base.size.height) / 2;
            if (!(a > 0) || !(b > 0) || b / a > FLAT) {
                return false;
            }
            double major = base.size.width >= base.size.height ? base.angle : base.angle + 90;
            double tilt = Math.abs(((major % 180) + 180 + 90) % 180 - 90);
            if (tilt > TILT) {
                return false;
            }
            double t = Math.toRadians(major);
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            double[] off = new double[lower.size()];
            for (int i = 0; i < off.length; i++) {
                double dx = lower.get(i).x - base.center.x;
                double dy = lower.get(i).y - base.center.y;
                double u = dx * cos + dy * sin;
                double v = -dx * sin + dy * cos;
                off[i] = Math.abs(Math.sqrt((u / a) * (u / a) + (v / b) * (v / b)) - 1);
            }
            Arrays.sort(off);
            if (off[off.length / 2] > FIT) {
                return false;
            }
            MatOfPoint whole = new MatOfPoint(outline);
            Rect bounds = Imgproc.boundingRect(whole);
            whole.release();
            if (2 * a < 0.9 * bounds.width) {
                return false; // the base is the widest thing of the area
            }
            if (area < SOLID * Math.PI * a * b) {
                return false; // a rim or an arc of the colour, not a base
            }
            return mouth(mask, hull, area, base.center.y - b, 2 * b);
        } finally {
            hullCurve.release();
        }
    }

    /**
     * Whether the largest part of the hull the area leaves out (a notch: the area's holes are filled) opens at the
     * base's top rim ({@code top}) and reaches down into its upper part, and is a sizable share of the area.
     */
    private static boolean mouth(Mat mask, Point[] hull, double area, double top, double height) {
        Mat filled = Mat.zeros(mask.size(), CvType.CV_8UC1);
        Mat out = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        MatOfPoint polygon = new MatOfPoint(hull);
        try {
            Imgproc.fillConvexPoly(filled, polygon, new Scalar(255));
            org.opencv.core.Core.subtract(filled, mask, out);
            int found = Imgproc.connectedComponentsWithStats(out, labels, stats, centroids, 8, CvType.CV_32S);
            int best = -1;
            double bestArea = 0;
            for (int k = 1; k < found; k++) {
                double s = stats.get(k, Imgproc.CC_STAT_AREA)[0];
                if (s > bestArea) {
                    bestArea = s;
                    best = k;
                }
            }
            if (best < 0 || bestArea < MOUTH * area || bestArea > MOUTH_MAX * area) {
                return false;
            }
            double y0 = stats.get(best, Imgproc.CC_STAT_TOP)[0];
            double bottom = y0 + stats.get(best, Imgproc.CC_STAT_HEIGHT)[0];
            double depth = (bottom - top) / height;
            return (y0 - top) / height <= MOUTH_OPENS && depth >= MOUTH_LOW && depth <= MOUTH_HIGH;
        } finally {
            filled.release();
            out.release();
            labels.release();
            stats.release();
            centroids.release();
            polygon.release();
        }
    }

    /** The convex hull of an outline, as points in order. */
    private static Point[] hull(Point[] outline) {
        MatOfPoint curve = new MatOfPoint(outline);
        MatOfInt indices = new MatOfInt();
        try {
            Imgproc.convexHull(curve, indices);
            int[] at = indices.toArray();
            Point[] out = new Point[at.length];
            for (int i = 0; i < at.length; i++) {
                out[i] = outline[at[i]];
            }
            return out;
        } finally {
            curve.release();
            indices.release();
        }
    }
}
