/* Bulk reads of pdfium's text page and path objects for bulk.py.

   Reading a page's characters one ctypes call at a time costs more than everything pdfium does for
   them, so this loops in C. It links nothing: bulk.py passes pdfium's functions (from the library
   pypdfium2 loaded) as pointers, in the order of the typedefs below. Everything it fills, bulk.py's
   pure-Python fallback fills with the same values, so outputs do not depend on whether it built.
   EXTRACTOR_BULK_VERSION changes with any signature: bulk.py refuses a stale build. */

#include <Python.h>
#include <math.h>
#include <stdint.h>

#define EXTRACTOR_BULK_VERSION 3

typedef struct { float left, top, right, bottom; } rectf;
typedef struct { float a, b, c, d, e, f; } matrixf;

typedef int (*loose_box_fn)(void *page, int i, rectf *box);
typedef int (*char_origin_fn)(void *page, int i, double *x, double *y);
typedef void *(*text_object_fn)(void *page, int i);
typedef double (*font_size_fn)(void *page, int i);
typedef int (*char_matrix_fn)(void *page, int i, matrixf *m);
typedef void *(*object_font_fn)(void *object);

typedef void *(*path_segment_fn)(void *path, int i);
typedef int (*segment_point_fn)(void *segment, float *x, float *y);
typedef int (*segment_type_fn)(void *segment);
typedef int (*segment_close_fn)(void *segment);

int extractor_bulk_version(void) { return EXTRACTOR_BULK_VERSION; }

/* For each char i < n: its loose box (left, bottom, right, top), origin (x, y), text object,
   font size, char matrix (a, b, c, d, and 1 if pdfium gave one) and font. bulk.py uses the font's
   at each object's first letter only (the fallback reads only those). pdfium fails these calls
   only for an index out of range. */
void extractor_read_chars(void *page, int n, void **fns, double *box, double *origin, uintptr_t *object,
                          double *size, double *matrix, uintptr_t *font)
{
    loose_box_fn loose_box = (loose_box_fn)fns[0];
    char_origin_fn char_origin = (char_origin_fn)fns[1];
    text_object_fn text_object = (text_object_fn)fns[2];
    font_size_fn font_size = (font_size_fn)fns[3];
    char_matrix_fn char_matrix = (char_matrix_fn)fns[4];
    object_font_fn object_font = (object_font_fn)fns[5];
    rectf r = {0, 0, 0, 0};
    matrixf m = {0, 0, 0, 0, 0, 0};
    double x = 0, y = 0;
    for (int i = 0; i < n; i++) {
        loose_box(page, i, &r);
        box[4 * i] = r.left;
        box[4 * i + 1] = r.bottom;
        box[4 * i + 2] = r.right;
        box[4 * i + 3] = r.top;
        char_origin(page, i, &x, &y);
        origin[2 * i] = x;
        origin[2 * i + 1] = y;
        void *obj = text_object(page, i);
        object[i] = (uintptr_t)obj;
        size[i] = font_size(page, i);
        int ok = char_matrix(page, i, &m);
        matrix[5 * i] = m.a;
        matrix[5 * i + 1] = m.b;
        matrix[5 * i + 2] = m.c;
        matrix[5 * i + 3] = m.d;
        matrix[5 * i + 4] = ok ? 1.0 : 0.0;
        font[i] = obj == NULL ? 0 : (uintptr_t)object_font(obj);
    }
}

/* --- paths ------------------------------------------------------------------------------ */

enum { SEGMENT_BEZIERTO = 1, SEGMENT_MOVETO = 2, OBJECT_PATH = 2, OBJECT_FORM = 5 }; /* fpdf_edit.h */
enum { SHAPE_CURVED = 1, SHAPE_CLOSED = 2, SHAPE_FILL = 4, SHAPE_STROKE = 8 };

typedef int (*count_objects_fn)(void *page);
typedef void *(*get_object_fn)(void *page, int i);
typedef int (*object_type_fn)(void *object);
typedef int (*object_matrix_fn)(void *object, matrixf *m);
typedef int (*form_count_fn)(void *form);
typedef void *(*form_object_fn)(void *form, unsigned long i);
typedef int (*draw_mode_fn)(void *path, int *fill, int *stroke);
typedef int (*count_segments_fn)(void *path);

typedef struct { double a, b, c, d, e, f; } affine;

typedef struct {
    void **fns;
    int max_depth;
    double tol;
    affine frame;
    long segments;  /* counted on the first pass */
    double *x, *y;  /* NULL on the counting pass */
    int *start, *length, *flags;
    long points, shapes;
} walker;

/* The matrix applying `in` first, then `out` (paths.py's _compose, term for term). */
static affine compose(affine in, affine out)
{
    affine r = {in.a * out.a + in.b * out.c, in.a * out.b + in.b * out.d, in.c * out.a + in.d * out.c,
                in.c * out.b + in.d * out.d, in.e * out.a + in.f * out.c + out.e,
                in.e * out.b + in.f * out.d + out.f};
    return r;
}

static void read_path(walker *w, void *path, affine matrix)
{
    draw_mode_fn draw_mode = (draw_mode_fn)w->fns[6];
    count_segments_fn count_segments = (count_segments_fn)w->fns[7];
    path_segment_fn path_segment = (path_segment_fn)w->fns[8];
    segment_point_fn segment_point = (segment_point_fn)w->fns[9];
    segment_type_fn segment_type = (segment_type_fn)w->fns[10];
    segment_close_fn segment_close = (segment_close_fn)w->fns[11];
    int n = count_segments(path);
    if (w->x == NULL) {
        w->segments += n > 0 ? n : 0;
        return;
    }
    int fill_mode = 0, stroke = 0;
    draw_mode(path, &fill_mode, &stroke);
    int drawn = (fill_mode != 0 ? SHAPE_FILL : 0) | (stroke ? SHAPE_STROKE : 0);
    affine m = compose(matrix, w->frame);
    float fx = 0, fy = 0;
    long current = -1;
    for (int i = 0; i < n; i++) {
        void *seg = path_segment(path, i);
        segment_point(seg, &fx, &fy);
        double px = fx, py = fy;
        double x = m.a * px + m.c * py + m.e, y = m.b * px + m.d * py + m.f;
        int kind = segment_type(seg);
        if (kind == SEGMENT_MOVETO || current < 0) {
            current = w->shapes++;
            w->start[current] = (int)w->points;
            w->length[current] = 0;
            w->flags[current] = drawn;
        } else if (kind == SEGMENT_BEZIERTO) {
            w->flags[current] |= SHAPE_CURVED;
        }
        w->x[w->points] = x;
        w->y[w->points++] = y;
        w->length[current]++;
        long first = w->start[current];
        if (segment_close(seg) && !(fabs(w->x[first] - x) < w->tol && fabs(w->y[first] - y) < w->tol)) {
            w->x[w->points] = w->x[first];
            w->y[w->points++] = w->y[first];
            w->length[current]++;
            w->flags[current] |= SHAPE_CLOSED;
        }
    }
}

static void walk(walker *w, void *parent, int is_page, affine outer, int depth)
{
    count_objects_fn count_objects = (count_objects_fn)w->fns[0];
    get_object_fn get_object = (get_object_fn)w->fns[1];
    object_type_fn object_type = (object_type_fn)w->fns[2];
    object_matrix_fn object_matrix = (object_matrix_fn)w->fns[3];
    form_count_fn form_count = (form_count_fn)w->fns[4];
    form_object_fn form_object = (form_object_fn)w->fns[5];
    int n = is_page ? count_objects(parent) : form_count(parent);
    for (int i = 0; i < n; i++) {
        void *obj = is_page ? get_object(parent, i) : form_object(parent, (unsigned long)i);
        int kind = object_type(obj);
        if (kind != OBJECT_PATH && kind != OBJECT_FORM)
            continue;
        matrixf own;
        affine matrix = {1, 0, 0, 1, 0, 0};
        if (object_matrix(obj, &own)) {
            affine o = {own.a, own.b, own.c, own.d, own.e, own.f};
            matrix = o;
        }
        matrix = compose(matrix, outer);
        if (kind == OBJECT_PATH)
            read_path(w, obj, matrix);
        else if (depth < w->max_depth)
            walk(w, obj, 0, matrix, depth + 1);
    }
}

/* The number of path segments the page draws (forms included down to max_depth): the points
   and shapes extractor_read_paths fills take at most twice and once that many. */
long extractor_count_segments(void *page, int max_depth, void **fns)
{
    walker w = {fns, max_depth, 0, {1, 0, 0, 1, 0, 0}, 0, NULL, NULL, NULL, NULL, NULL, 0, 0};
    affine identity = {1, 0, 0, 1, 0, 0};
    walk(&w, page, 1, identity, 0);
    return w.segments;
}

/* Every subpath the page draws, in paths.py's order: its points (x, y in the frame given as
   a b c d e f, a closing point added where pdfium says it closes), start and length in them,
   and SHAPE_* flags. Returns the number of shapes; *points gets the number of points. */
long extractor_read_paths(void *page, int max_depth, double tol, const double *frame, void **fns, double *x,
                          double *y, int *start, int *length, int *flags, long *points)
{
    walker w = {fns, max_depth, tol, {frame[0], frame[1], frame[2], frame[3], frame[4], frame[5]},
                0, x, y, start, length, flags, 0, 0};
    affine identity = {1, 0, 0, 1, 0, 0};
    walk(&w, page, 1, identity, 0);
    *points = w.points;
    return w.shapes;
}

/* --- the page's objects at a glance ------------------------------------------------------ */

enum { OBJECT_IMAGE = 3 }; /* fpdf_edit.h */

typedef int (*object_bounds_fn)(void *object, float *left, float *bottom, float *right, float *top);

/* fns: count_objects, get_object, object_type, form_count, form_object, object_bounds */
static long count_in(void **fns, void *parent, int is_page, long enough, int depth, int max_depth)
{
    int n = is_page ? ((count_objects_fn)fns[0])(parent) : ((form_count_fn)fns[3])(parent);
    long found = 0;
    for (int i = 0; i < n; i++) {
        void *obj = is_page ? ((get_object_fn)fns[1])(parent, i) : ((form_object_fn)fns[4])(parent, (unsigned long)i);
        int kind = ((object_type_fn)fns[2])(obj);
        if (kind == OBJECT_PATH)
            found++;
        else if (kind == OBJECT_FORM && depth < max_depth)
            found += count_in(fns, obj, 0, enough - found, depth + 1, max_depth);
        if (found >= enough)
            break;
    }
    return found;
}

/* Path objects on the page (forms down to max_depth levels), counted up to `enough`: paths.py's
   count_paths, step for step. */
long extractor_count_paths(void *page, long enough, int max_depth, void **fns)
{
    return count_in(fns, page, 1, enough, 0, max_depth);
}

static long images_in(void **fns, void *parent, int is_page, int level, int max_depth, double *bounds,
                      long cap, long found)
{
    int n = is_page ? ((count_objects_fn)fns[0])(parent) : ((form_count_fn)fns[3])(parent);
    for (int i = 0; i < n && found >= 0; i++) {
        void *obj = is_page ? ((get_object_fn)fns[1])(parent, i) : ((form_object_fn)fns[4])(parent, (unsigned long)i);
        int kind = ((object_type_fn)fns[2])(obj);
        if (kind == OBJECT_IMAGE) {
            float l, b, r, t;
            if (!((object_bounds_fn)fns[5])(obj, &l, &b, &r, &t))
                return -1;
            if (found < cap) {
                bounds[4 * found] = l;
                bounds[4 * found + 1] = b;
                bounds[4 * found + 2] = r;
                bounds[4 * found + 3] = t;
            }
            found++;
        } else if (kind == OBJECT_FORM && level < max_depth - 1)
            found = images_in(fns, obj, 0, level + 1, max_depth, bounds, cap, found);
    }
    return found;
}

/* Each image object's bounds (left, bottom, right, top), forms included while their level is
   under max_depth - 1, in images.py's _image_bounds order, the first `cap` into `bounds`. Returns
   how many there are (more than cap: call again with room for them), or -1 where pdfium could not
   give an image's bounds. */
long extractor_image_bounds(void *page, int max_depth, void **fns, double *bounds, long cap)
{
    return images_in(fns, page, 1, 0, max_depth, bounds, cap, 0);
}

/* An importable module, so that bulk.py finds the built file the usual way. */
static struct PyModuleDef bulk_module = {PyModuleDef_HEAD_INIT, "_bulk", NULL, -1, NULL};

PyMODINIT_FUNC PyInit__bulk(void) { return PyModule_Create(&bulk_module); }
