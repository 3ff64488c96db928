/// The transform from a page's user space (origin bottom-left, y up) to the page space of
/// `TextPage` (origin top-left of the crop box as displayed after `/Rotate`, y down).
struct PageSpace {
    let matrix: Matrix
    /// The displayed page's size in points.
    let width: Double
    let height: Double

    init(cropBox: PDFRect, rotate: Int) {
        let w = cropBox.width, h = cropBox.height
        // Flip y about the crop box's top edge: top-left origin, unrotated.
        let flip = Matrix(1, 0, 0, -1, -cropBox.x0, cropBox.y1)
        let turn: Matrix
        switch ((rotate % 360) + 360) % 360 {
        case 90: turn = Matrix(0, 1, -1, 0, h, 0)
        case 180: turn = Matrix(-1, 0, 0, -1, w, h)
        case 270: turn = Matrix(0, -1, 1, 0, 0, w)
        default: turn = .identity
        }
        matrix = flip.concatenating(turn)
        let quarterTurn = rotate % 180 != 0
        width = quarterTurn ? h : w
        height = quarterTurn ? w : h
    }
}
