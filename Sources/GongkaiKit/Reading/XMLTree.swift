import CLibXML2

/// A read-only view of a libxml2 node, enough to walk a parsed page or a Word document: element names,
/// attributes and text without copying the tree. Attribute and text pointers belong to the tree, so
/// nothing here allocates C memory that would need `xmlFree`.
struct XMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name (no namespace prefix), as written.
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The text of a text node.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// libxml2 keeps line numbers above 65535 only through this call.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    func attribute(_ localName: String) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if let name = current.pointee.name, String(cString: name) == localName {
                var text = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { text += String(cString: content) }
                    child = node.pointee.next
                }
                return text
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The first child element with this local name.
    func child(_ localName: String) -> XMLNode? {
        children.first { $0.isElement && $0.name == localName }
    }

    /// Every descendant text, in document order. Only elements are entered: an entity reference's
    /// children lead into the DTD, whose declarations link to one another (a loop for ever).
    var allText: String {
        var text = ""
        func walk(_ node: XMLNode) {
            for child in node.children {
                if child.isText { text += child.content } else if child.isElement { walk(child) }
            }
        }
        if isText { return content }
        walk(self)
        return text
    }

    /// Calls `body` with every element below this one, in document order, without recursion.
    func forEachElement(_ body: (XMLNode) -> Void) {
        var node: xmlNodePtr? = pointer.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                body(XMLNode(pointer: current))
                if let child = current.pointee.children {
                    node = child
                    continue
                }
            }
            var next: xmlNodePtr? = current
            while let at = next, at.pointee.next == nil {
                guard let parent = at.pointee.parent, parent != pointer else { return }
                next = parent
            }
            node = next?.pointee.next
        }
    }

    /// The grid cells the tables below this node would lay out: each cell times its spans (as
    /// `GridBuilder` caps them). Counted before any table is built, so a page of 8,000 cells of
    /// colspan=64 rowspan=64 is refused instead of laid out in 2 GB.
    func gridCells(span: (XMLNode) -> (columns: Int, rows: Int)?) -> Int {
        var total = 0
        forEachElement { element in
            guard let (columns, rows) = span(element) else { return }
            total += min(max(columns, 1), GridBuilder.largestSpan) * min(max(rows, 1), GridBuilder.largestSpan)
        }
        return total
    }

    /// True when elements nest more than `limit` levels below this one. Worked out without recursion,
    /// before any recursive walk: a document nested 100,000 levels would overflow the stack of one.
    func nestsDeeperThan(_ limit: Int) -> Bool {
        var depth = 0
        var node: xmlNodePtr? = pointer.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                depth += 1
                if depth > limit { return true }
                node = child
                continue
            }
            // Next sibling, else up until an ancestor has one.
            var next: xmlNodePtr? = current
            while let at = next, at.pointee.next == nil {
                guard let parent = at.pointee.parent, parent != pointer, depth > 0 else { return false }
                depth -= 1
                next = parent
            }
            node = next?.pointee.next
        }
        return false
    }
}

struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var next = first
        return AnyIterator {
            guard let current = next else { return nil }
            next = current.pointee.next
            return XMLNode(pointer: current)
        }
    }
}

/// libxml2 must be initialised once, on one thread, before threads parse in parallel.
enum LibXML2 {
    static let ready: Bool = {
        xmlInitParser()
        return true
    }()
}
